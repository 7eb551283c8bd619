package dev.armorbench.ui.docker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.armorbench.trial.RunConfiguration.BindMount;
import dev.armorbench.trial.RunConfiguration.PublishedPort;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The form's one-entry-a-line notation, read and written back. */
class RunFormTextTest {
    @Test
    void environmentKeepsOrderAndValuesWithEqualsSigns() {
        RunFormText.Read<Map<String, String>> read = RunFormText.environment("B=2\nA=x=y\n\n  C=  \nnovalue\n");
        assertThat(read.value()).containsExactly(Map.entry("B", "2"), Map.entry("A", "x=y"), Map.entry("C", ""));
        assertThat(read.problems()).containsExactly("Environment line 'novalue' needs the form NAME=value.");
        assertThat(RunFormText.environment(read.value())).isEqualTo("B=2\nA=x=y\nC=");
    }

    @Test
    void mountsInDockerNotation() {
        RunFormText.Read<List<BindMount>> read = RunFormText.mounts("/srv:/data:ro\n/tmp/x:/x\n/a:/b:rw\n/a:/b:zz\n");
        assertThat(read.value()).containsExactly(new BindMount("/srv", "/data", true), new BindMount("/tmp/x", "/x", false),
                new BindMount("/a", "/b", false));
        assertThat(read.problems()).singleElement().asString().contains("'/a:/b:zz'");
        assertThat(RunFormText.mounts(read.value())).isEqualTo("/srv:/data:ro\n/tmp/x:/x\n/a:/b");
    }

    @Test
    void portsWithAddressesAndProtocols() {
        RunFormText.Read<List<PublishedPort>> read = RunFormText.ports(
                "80\n8080:80\n127.0.0.1:53:53/udp\n[::1]:8443:443\n1:2:3:4\n70000:1\nx:80/tcpx");
        assertThat(read.value()).containsExactly(new PublishedPort("", 0, 80, "tcp"), new PublishedPort("", 8080, 80, "tcp"),
                new PublishedPort("127.0.0.1", 53, 53, "udp"), new PublishedPort("::1", 8443, 443, "tcp"));
        assertThat(read.problems()).hasSize(3);
        assertThat(RunFormText.ports(read.value())).isEqualTo("80\n8080:80\n127.0.0.1:53:53/udp\n[::1]:8443:443");
    }

    @Test
    void commandIsOneArgumentALineKeptExactly() {
        assertThat(RunFormText.command("/bin/sh\n-c\necho 'a  b'; exit 3\n\n")).containsExactly("/bin/sh", "-c",
                "echo 'a  b'; exit 3");
        assertThat(RunFormText.capabilities("chown, CAP_NET_BIND_SERVICE  setuid")).containsExactly(
                "CAP_NET_BIND_SERVICE", "chown", "setuid");
    }
}
