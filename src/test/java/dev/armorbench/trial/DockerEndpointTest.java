package dev.armorbench.trial;

import static org.assertj.core.api.Assertions.assertThat;

import dev.armorbench.testing.Requirements;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DockerEndpointTest {
    @TempDir
    Path home;

    @Test
    void withoutAnySettingTheDefaultSocketIsUsed() {
        DockerEndpoint endpoint = DockerEndpoint.resolve(Map.of(), home);

        assertThat(endpoint.host()).isEqualTo("unix:///var/run/docker.sock");
        assertThat(endpoint.origin()).isEqualTo("default");
        assertThat(endpoint.warning()).isEmpty();
        assertThat(endpoint.socketPath()).contains(Path.of("/var/run/docker.sock"));
    }

    @Test
    void dockerHostWinsOverTheContext() throws Exception {
        writeContext(home.resolve(".docker"), "other", "unix:///other.sock", true);

        DockerEndpoint endpoint = DockerEndpoint.resolve(Map.of("DOCKER_HOST", "tcp://10.0.0.2:2375"), home);

        assertThat(endpoint.host()).isEqualTo("tcp://10.0.0.2:2375");
        assertThat(endpoint.origin()).isEqualTo("DOCKER_HOST");
        assertThat(endpoint.socketPath()).isEmpty();
    }

    @Test
    void theCurrentContextOfConfigJsonGivesItsEndpoint() throws Exception {
        writeContext(home.resolve(".docker"), "rootless", "unix:///run/user/1000/docker.sock", true);

        DockerEndpoint endpoint = DockerEndpoint.resolve(Map.of(), home);

        assertThat(endpoint.host()).isEqualTo("unix:///run/user/1000/docker.sock");
        assertThat(endpoint.origin()).isEqualTo("Docker context 'rootless'");
        assertThat(endpoint.warning()).isEmpty();
    }

    @Test
    void dockerContextOverridesConfigJsonAndDockerConfigMovesTheDirectory() throws Exception {
        Path elsewhere = home.resolve("elsewhere");
        writeContext(elsewhere, "first", "unix:///first.sock", true);
        writeContext(elsewhere, "second", "unix:///second.sock", false);

        DockerEndpoint endpoint = DockerEndpoint.resolve(
                Map.of("DOCKER_CONFIG", elsewhere.toString(), "DOCKER_CONTEXT", "second"), home);

        assertThat(endpoint.host()).isEqualTo("unix:///second.sock");
        assertThat(endpoint.origin()).isEqualTo("Docker context 'second'");
    }

    @Test
    void theDefaultContextIsTheDefaultSocket() throws Exception {
        Files.createDirectories(home.resolve(".docker"));
        Files.writeString(home.resolve(".docker/config.json"), "{\"currentContext\": \"default\"}");

        assertThat(DockerEndpoint.resolve(Map.of(), home).host()).isEqualTo(DockerEndpoint.DEFAULT_HOST);
    }

    @Test
    void aContextWithoutItsMetaFileFallsBackToTheDefaultWithAWarning() throws Exception {
        Files.createDirectories(home.resolve(".docker"));
        Files.writeString(home.resolve(".docker/config.json"), "{\"currentContext\": \"gone\"}");

        DockerEndpoint endpoint = DockerEndpoint.resolve(Map.of(), home);

        assertThat(endpoint.host()).isEqualTo(DockerEndpoint.DEFAULT_HOST);
        assertThat(endpoint.warning()).hasValueSatisfying(warning ->
                assertThat(warning).contains("'gone'").contains("docker context ls"));
    }

    @Test
    void anUnreadableConfigJsonFallsBackToTheDefaultWithAWarning() throws Exception {
        Files.createDirectories(home.resolve(".docker"));
        Files.writeString(home.resolve(".docker/config.json"), "{ not json");

        DockerEndpoint endpoint = DockerEndpoint.resolve(Map.of(), home);

        assertThat(endpoint.host()).isEqualTo(DockerEndpoint.DEFAULT_HOST);
        assertThat(endpoint.warning()).hasValueSatisfying(warning -> assertThat(warning).contains("config.json"));
    }

    @Test
    void aContextMadeByTheRealDockerCommandIsFound() throws Exception {
        Path docker = Path.of("/usr/bin/docker");
        Requirements.require(Files.isExecutable(docker), "the docker command (apt-get install docker.io)");
        Path config = home.resolve("cli");
        run(config, docker.toString(), "context", "create", "made-by-cli", "--docker", "host=unix:///run/cli-made.sock");
        run(config, docker.toString(), "context", "use", "made-by-cli");

        DockerEndpoint endpoint = DockerEndpoint.resolve(Map.of("DOCKER_CONFIG", config.toString()), home);

        assertThat(endpoint.host()).isEqualTo("unix:///run/cli-made.sock");
        assertThat(endpoint.origin()).isEqualTo("Docker context 'made-by-cli'");
    }

    @Test
    void contextDirectoriesAreNamedBySha256OfTheName() {
        // As the docker command names them (seen in ~/.docker/contexts/meta/ after `docker context create remote-one`).
        assertThat(DockerEndpoint.sha256("remote-one"))
                .isEqualTo("2d4b4749a4fb955acc5f4688e20ca035de7ecc9e09de00e0df9096c387a581b4");
    }

    /** Lays a context out the way the docker command does. */
    private static void writeContext(Path dockerConfig, String name, String host, boolean current) throws Exception {
        Path meta = dockerConfig.resolve("contexts/meta").resolve(DockerEndpoint.sha256(name));
        Files.createDirectories(meta);
        Files.writeString(meta.resolve("meta.json"), "{\"Name\":\"" + name + "\",\"Metadata\":{},\"Endpoints\":{\"docker\":"
                + "{\"Host\":\"" + host + "\",\"SkipTLSVerify\":false}}}");
        if (current) {
            Files.writeString(dockerConfig.resolve("config.json"), "{\n\t\"auths\": {},\n\t\"currentContext\": \"" + name + "\"\n}");
        }
    }

    private static void run(Path dockerConfig, String... command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(List.of(command)).redirectErrorStream(true);
        builder.environment().put("DOCKER_CONFIG", dockerConfig.toString());
        builder.environment().remove("DOCKER_HOST");
        builder.environment().remove("DOCKER_CONTEXT");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
    }
}
