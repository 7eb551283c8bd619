package dev.armorbench.trial.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppArmorHostTest {
    @TempDir
    Path root;

    private HostLayout layout() {
        return new HostLayout(root);
    }

    @Test
    void aKernelWithoutTheModuleIsNotEnabledAndTheFixIsTheBootOptions() {
        assertThat(layout().host().appArmorProblem()).hasValueSatisfying(problem -> assertThat(problem)
                .startsWith("AppArmor is not enabled").contains("/sys/module/apparmor is missing")
                .contains("apparmor=1 security=apparmor"));
    }

    @Test
    void aModuleSwitchedOffSaysWhatItReadsAndHowToSwitchItOn() throws IOException {
        layout().write("/sys/module/apparmor/parameters/enabled", "N\n");
        assertThat(layout().host().appArmorProblem()).hasValueSatisfying(problem -> assertThat(problem)
                .startsWith("AppArmor is not enabled").contains("reads 'N'").contains("GRUB_CMDLINE_LINUX"));
    }

    @Test
    void anEnabledModuleWithoutSecurityfsAsksToMountIt() throws IOException {
        layout().write("/sys/module/apparmor/parameters/enabled", "Y\n");
        assertThat(layout().host().appArmorProblem()).hasValueSatisfying(problem -> assertThat(problem)
                .contains("/sys/kernel/security/apparmor is missing").contains("mount -t securityfs"));
    }

    @Test
    void enabledWithSecurityfsHasNoProblemAndListsTheLoadedProfiles() throws IOException {
        layout().appArmorEnabled("docker-default (enforce)\n");
        AppArmorHost host = layout().host();
        assertThat(host.appArmorProblem()).isEmpty();
        assertThat(host.loadedProfiles().modes()).containsExactly(java.util.Map.entry("docker-default", "enforce"));
    }

    @Test
    void theParserIsFoundOnTheSearchPathOnlyWhenExecutable() throws IOException {
        HostLayout layout = layout();
        assertThat(layout.host().parser()).isEmpty();
        Path notExecutable = layout.write("/usr/bin/apparmor_parser", "not a program");
        assertThat(layout.host().parser()).isEmpty();
        layout.script("/usr/sbin/apparmor_parser", "exit 0\n");
        assertThat(layout.host().parser()).contains(layout.path("/usr/sbin/apparmor_parser"));
        Files.setPosixFilePermissions(notExecutable, PosixFilePermissions.fromString("rwxr-xr-x"));
        assertThat(layout.host().parser()).as("the search path's order").contains(notExecutable);
    }

    @Test
    void theSystemSearchPathEndsWithTheSbinDirectoriesWhereTheParserLives() {
        AppArmorHost system = AppArmorHost.system();
        assertThat(system.root()).isEqualTo(Path.of("/"));
        assertThat(system.under(Path.of("/usr/sbin/apparmor_parser"))).isEqualTo(Path.of("/usr/sbin/apparmor_parser"));
        if (Files.isExecutable(Path.of("/usr/sbin/apparmor_parser"))) {
            assertThat(system.parser()).isPresent();
        }
    }

    @Test
    void theRootHelperCountsOnlyAtItsInstalledPathAndExecutable() throws IOException {
        HostLayout layout = layout();
        assertThat(layout.host().rootHelper()).isEmpty();
        layout.script(AppArmorHost.ROOT_HELPER.toString(), "exit 0\n");
        assertThat(layout.host().rootHelper()).contains(layout.path("/usr/lib/armorbench/armorbench-load-profile"));
    }

    @Test
    void theEffectiveUidIsTheSecondFieldOfTheUidLine() throws IOException {
        HostLayout layout = layout();
        assertThat(layout.host().effectiveUid()).isEmpty();
        layout.write("/proc/self/status", "Name:\tx\nUid:\t1000\t0\t0\t0\n");
        assertThat(layout.host().effectiveUid()).hasValue(0);
        layout.effectiveUid(1000);
        assertThat(layout.host().effectiveUid()).hasValue(1000);
    }

    @Test
    void thisProcessesOwnUidIsReadFromProc() {
        int expected = "root".equals(System.getProperty("user.name")) ? 0 : -1;
        if (expected == 0) {
            assertThat(AppArmorHost.system().effectiveUid()).hasValue(0);
        } else {
            assertThat(AppArmorHost.system().effectiveUid()).isPresent().isNotEqualTo(java.util.OptionalInt.of(0));
        }
    }

    @Test
    void searchPathDirectoriesAreRelativeToTheRoot() throws IOException {
        HostLayout layout = layout();
        layout.script("/opt/tools/pkexec", "exit 0\n");
        AppArmorHost host = new AppArmorHost(root, List.of(Path.of("/opt/tools")));
        assertThat(host.program("pkexec")).contains(layout.path("/opt/tools/pkexec"));
        assertThat(host.program("sudo")).isEmpty();
    }
}
