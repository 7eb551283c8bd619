package dev.armorbench.trial;

import static org.assertj.core.api.Assertions.assertThat;

import dev.armorbench.trial.ConfinementLabel.State;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessLabelsTest {
    @TempDir
    Path proc;

    @Test
    void parsesTheKernelsLabels() {
        // Texts as the kernel writes them (see FACTS.md: "parent//child (enforce)" inside a child profile).
        assertThat(ConfinementLabel.parse("docker-default (enforce)\n"))
                .isEqualTo(new ConfinementLabel(State.CONFINED, "docker-default", "enforce"));
        assertThat(ConfinementLabel.parse("parent//child (enforce)\n"))
                .isEqualTo(new ConfinementLabel(State.CONFINED, "parent//child", "enforce"));
        assertThat(ConfinementLabel.parse("P//null-/bin/busybox (complain)"))
                .isEqualTo(new ConfinementLabel(State.CONFINED, "P//null-/bin/busybox", "complain"));
        assertThat(ConfinementLabel.parse("unconfined\n")).isEqualTo(ConfinementLabel.UNCONFINED);
        assertThat(ConfinementLabel.parse("my app (complain)").describe()).isEqualTo("my app (complain)");
    }

    @Test
    void prefersTheAppArmorOnlyFileAndFallsBackToTheSharedOne() throws Exception {
        write("10/attr/apparmor/current", "web (enforce)\n");
        write("10/attr/current", "something else\n");
        write("11/attr/current", "db (complain)\n");

        ProcessLabels labels = new ProcessLabels(proc);

        assertThat(labels.labelOf(10)).isEqualTo(new ConfinementLabel(State.CONFINED, "web", "enforce"));
        assertThat(labels.labelOf(11)).isEqualTo(new ConfinementLabel(State.CONFINED, "db", "complain"));
    }

    @Test
    void aGoneProcessAndAKernelWithoutLabelsAreToldApart() throws Exception {
        Files.createDirectories(proc.resolve("12/attr"));

        ProcessLabels labels = new ProcessLabels(proc);

        assertThat(labels.labelOf(12)).isEqualTo(ConfinementLabel.NO_APPARMOR);
        assertThat(labels.labelOf(13)).isEqualTo(ConfinementLabel.PROCESS_GONE);
    }

    /** This machine's own kernel: without AppArmor, reading attr/current fails with EINVAL, which is not an error. */
    @Test
    void readsThisProcessOnTheRealKernel() throws Exception {
        ConfinementLabel own = new ProcessLabels().labelOf(ProcessHandle.current().pid());

        if (Files.exists(Path.of("/sys/kernel/security/apparmor"))) {
            assertThat(own.state()).isIn(State.CONFINED, State.UNCONFINED);
        } else {
            assertThat(own).isEqualTo(ConfinementLabel.NO_APPARMOR);
        }
    }

    private void write(String relative, String text) throws Exception {
        Path file = proc.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
