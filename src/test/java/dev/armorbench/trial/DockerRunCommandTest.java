package dev.armorbench.trial;

import static org.assertj.core.api.Assertions.assertThat;

import dev.armorbench.trial.RunConfiguration.BindMount;
import dev.armorbench.trial.RunConfiguration.PublishedPort;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DockerRunCommandTest {
    @Test
    void theDefaultsDropAllCapabilitiesAndNameTheProfile() {
        DockerRunCommand command = DockerRunCommand.of(RunConfiguration.forImage("nginx:1.27"), Optional.of("nginx-web"));

        assertThat(command.arguments()).containsExactly("docker", "run", "--rm", "--security-opt", "apparmor=nginx-web",
                "--cap-drop", "ALL", "nginx:1.27");
        assertThat(command.shellLine()).isEqualTo("docker run --rm --security-opt apparmor=nginx-web --cap-drop ALL nginx:1.27");
    }

    @Test
    void everySettingBecomesItsOption() {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("GREETING", "hello world");
        environment.put("EMPTY", "");
        RunConfiguration configuration = RunConfiguration.forImage("app:1")
                .withCommand(List.of("/app/run.sh", "--port", "80"))
                .withEnvironment(environment)
                .withMounts(List.of(new BindMount("/srv/conf", "/etc/app", true), new BindMount("/srv/a,b", "/data", false)))
                .withPorts(List.of(new PublishedPort("", 8080, 80, "tcp"), new PublishedPort("127.0.0.1", 0, 53, "udp"),
                        new PublishedPort("::1", 9000, 9000, "")))
                .withUser("1000:1000")
                .withInit(true)
                .withNetwork("none")
                .withReadOnlyRootFilesystem(true)
                .withNoNewPrivileges(true)
                .withCapabilities(List.of("net_bind_service", "CAP_CHOWN"));

        DockerRunCommand command = DockerRunCommand.of(configuration, Optional.of("app profile"));

        assertThat(command.arguments()).containsExactly("docker", "run", "--rm",
                "--security-opt", "apparmor=app profile",
                "--security-opt", "no-new-privileges",
                "--cap-drop", "ALL", "--cap-add", "CHOWN", "--cap-add", "NET_BIND_SERVICE",
                "--read-only", "--init", "--user", "1000:1000", "--network", "none",
                "--env", "GREETING=hello world", "--env", "EMPTY=",
                "--mount", "type=bind,source=/srv/conf,target=/etc/app,readonly",
                "--mount", "type=bind,\"source=/srv/a,b\",target=/data",
                "--publish", "8080:80", "--publish", "127.0.0.1::53/udp", "--publish", "[::1]:9000:9000",
                "app:1", "/app/run.sh", "--port", "80");
        assertThat(command.shellLine()).contains("'apparmor=app profile'").contains("'GREETING=hello world'")
                .contains("'type=bind,\"source=/srv/a,b\",target=/data'");
    }

    @Test
    void keepingTheDefaultCapabilitiesOnlyAddsAndWithoutAProfileThereIsNoAppArmorOption() {
        RunConfiguration configuration = RunConfiguration.forImage("app:1").withKeepDefaultCapabilities(true)
                .withCapabilities(List.of("SYS_PTRACE"));

        assertThat(DockerRunCommand.of(configuration, Optional.empty()).arguments())
                .containsExactly("docker", "run", "--rm", "--cap-add", "SYS_PTRACE", "app:1");
    }
}
