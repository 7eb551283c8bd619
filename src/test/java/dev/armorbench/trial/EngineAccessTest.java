package dev.armorbench.trial;

import static org.assertj.core.api.Assertions.assertThat;

import dev.armorbench.testing.Requirements;
import dev.armorbench.testing.docker.PrivateDockerEngine;
import dev.armorbench.testing.docker.RealDockerEngine;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A socket the caller may not open. The tests run as root, and root opens any socket, so the probe
 * runs in a child process as root without CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH (util-linux's
 * {@code setpriv}), against the real engine's socket with its mode set to 000: the kernel then
 * refuses {@code connect()} with EACCES, exactly what a user outside the group {@code docker} meets.
 */
@ExtendWith(RealDockerEngine.class)
class EngineAccessTest {
    @Test
    void aSocketWithoutPermissionNamesTheDockerGroup(PrivateDockerEngine engine) throws Exception {
        Path setpriv = Path.of("/usr/bin/setpriv");
        Requirements.require(Files.isExecutable(setpriv), "setpriv (apt-get install util-linux)");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();

        // With full privileges the socket answers: only the permission differs below.
        try (DockerEngine client = DockerEngine.connect(engine.endpoint())) {
            client.ping(Duration.ofSeconds(60));
        }

        Set<PosixFilePermission> mode = Files.getPosixFilePermissions(engine.socket());
        Files.setPosixFilePermissions(engine.socket(), Set.of());
        String output;
        try {
            output = probe(List.of(setpriv.toString(), "--bounding-set=-dac_override,-dac_read_search",
                    "--inh-caps=-dac_override,-dac_read_search", "--", java), engine);
        } finally {
            Files.setPosixFilePermissions(engine.socket(), mode);
        }

        assertThat(output).as("the probe's answer").startsWith("PERMISSION_DENIED\n");
        assertThat(output).contains("Permission denied on " + engine.endpoint().host())
                .contains("group docker").contains("usermod -aG docker");
    }

    private static String probe(List<String> launcher, PrivateDockerEngine engine) throws Exception {
        List<String> command = new java.util.ArrayList<>(launcher);
        // A short-lived JVM: the quick compiler only, and no time spent sizing a parallel collector.
        command.addAll(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), EngineProbe.class.getName(),
                engine.endpoint().host()));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("the probe finished").isTrue();
        return output;
    }
}
