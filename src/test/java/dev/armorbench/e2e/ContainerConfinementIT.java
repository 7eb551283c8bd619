package dev.armorbench.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.armorbench.testing.Requirements;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * How Docker applies a container's AppArmor profile, observed on a real AppArmor kernel with a real
 * Docker engine (the guest of {@link AppArmorGuest}). One guest run
 * ({@code src/test/guest/e2e/container-confinement.sh} with {@code abtest.profile}) makes every
 * observation; each test asserts one of them. docs/kernel-facts.md records the lines seen.
 */
class ContainerConfinementIT {
    private static final Duration WORKLOAD_TIMEOUT = Duration.ofMinutes(20);
    private static final String ENFORCED = "abtest (enforce)";
    private static final String IN_CHILD = "abtest//helper (enforce)";
    /** The root helper the package installs (installers/linux), run in the guest as pkexec would run it. */
    private static final Path ROOT_HELPER = Path.of("installers/linux/armorbench-load-profile");

    private static Map<String, String> facts;
    private static List<String> kernelLines;

    /** Above the project's 5-minute default: a first build of the guest takes up to 15 minutes. */
    @BeforeAll
    @Timeout(value = 45, unit = TimeUnit.MINUTES)
    static void observeInTheGuest() throws IOException {
        Requirements.require(AppArmorGuest.unavailableReason().isEmpty(),
                AppArmorGuest.unavailableReason().orElse(""));
        long started = System.nanoTime();
        AppArmorGuest guest = AppArmorGuest.build();
        Duration build = Duration.ofNanos(System.nanoTime() - started);
        Path checks = AppArmorGuest.scripts().resolve("e2e");
        GuestArmorBench armorBench = GuestArmorBench.forThisBuild();
        System.out.println("e2e: ArmorBench in the guest from the " + armorBench.origin());
        Map<String, Path> files = new LinkedHashMap<>(armorBench.files());
        files.put("abtest.profile", checks.resolve("abtest.profile"));
        files.put("armorbench-load-profile", ROOT_HELPER);
        GuestResult result = guest.run(files,
                armorBench.scriptPrelude() + Files.readString(checks.resolve("container-confinement.sh")), WORKLOAD_TIMEOUT);

        facts = new LinkedHashMap<>();
        kernelLines = result.output().lines().filter(line -> line.startsWith("KERNEL ")).toList();
        result.output().lines()
                .filter(line -> line.startsWith("FACT ") && line.contains("="))
                .forEach(line -> facts.put(line.substring(5, line.indexOf('=')), line.substring(line.indexOf('=') + 1)));
        System.out.printf("e2e durations: guest build %.1f s, boot %.1f s, workload %.1f s%n",
                build.toMillis() / 1e3, result.boot().toMillis() / 1e3, result.run().toMillis() / 1e3);
        result.output().lines().filter(line -> line.startsWith("PHASE ")).forEach(line ->
                System.out.println("e2e phase: " + line.substring(6) + " s"));
        assertThat(result.exitCode()).as("the guest workload's exit code; its output:%n%s", result.output())
                .isZero();
    }

    @Test
    void theGuestKernelEnforcesAppArmorAndDockerKnowsIt() {
        assertThat(facts.get("apparmor_enabled")).isEqualTo("Y");
        assertThat(facts.get("loaded_profiles")).contains("abtest (enforce)", "abtest//helper (enforce)");
        assertThat(facts.get("docker_security_options")).contains("name=apparmor");
        assertThat(facts.get("docker_default_loaded")).startsWith("docker-default (enforce)");
    }

    @Test
    void armorBenchLoadsTheProfileAsRootAndReadsTheModesBackFromTheKernel() {
        assertThat(facts.get("ab_load_exit")).as(facts.get("ab_load_output")).isEqualTo("0");
        assertThat(facts.get("ab_load_output"))
                .contains("Loaded abtest (enforce), abtest//helper (enforce) as root.")
                .contains("command: /usr/sbin/apparmor_parser -r -K < PROFILE-TEXT   (in /armorbench/files)");
        // It replaced the helper's complain-mode load: the kernel lists both in enforce mode.
        assertThat(facts.get("loaded_profiles")).contains("abtest (enforce)", "abtest//helper (enforce)")
                .doesNotContain("complain");
    }

    @Test
    void theRootHelperLoadsFromStandardInputAndRefusesAnythingElse() {
        assertThat(facts.get("helper_complain_exit")).isEqualTo("0");
        // After a load the helper prints the kernel's list (only root may read it).
        assertThat(facts.get("helper_complain_listed")).contains("abtest (complain)", "abtest//helper (complain)")
                .doesNotContain("enforce");
        assertThat(facts.get("helper_extra_exit")).isEqualTo("64");
        assertThat(facts.get("helper_extra_output")).contains("unexpected arguments after 'replace'");
        assertThat(facts.get("helper_extra_listed")).as("a refused request leaves the kernel as it was")
                .contains("abtest (complain)", "abtest//helper (complain)").doesNotContain("enforce");
    }

    @Test
    void armorBenchRemovesTheProfileItLoaded() {
        assertThat(facts.get("ab_remove_exit")).as(facts.get("ab_remove_output")).isEqualTo("0");
        assertThat(facts.get("ab_remove_output")).contains("Removed abtest, abtest//helper as root.");
        assertThat(facts.get("ab_remove_listed")).isEmpty();
    }

    @Test
    void dockerExecOfABinaryAPathAttachedChildNamesRunsUnderTheContainersProfile() {
        assertThat(facts.get("a_inspect_profile")).isEqualTo("abtest");
        assertThat(facts.get("a_pid1_attr")).isEqualTo(ENFORCED);
        assertThat(facts.get("a_exec_helper_attr")).isEqualTo(ENFORCED);
        assertThat(facts.get("a_exec_helper_attr_apparmor")).isEqualTo(ENFORCED);
        // Under the container's profile it may read what the child may not.
        assertThat(facts.get("a_exec_helper_hostname")).isEqualTo("allowed");
        // The same binary started from a process inside the container goes through the cx rule.
        assertThat(facts.get("a_exec_shell_then_helper_attr")).isEqualTo(IN_CHILD);
    }

    @Test
    void aShellFormEntryPointIsConfinedWithTheShellAsFirstProcess() {
        assertThat(facts.get("shell_image_entrypoint")).isEqualTo("[\"/bin/sh\",\"-c\",\". /entry.sh\"]");
        assertThat(facts.get("b_pid1_cmdline")).isEqualTo("/bin/sh -c . /entry.sh ");
        assertThat(facts.get("b_pid1_exe")).isEqualTo("/bin/busybox");
        assertThat(facts.get("b_pid1_attr")).isEqualTo(ENFORCED);
        assertThat(facts.get("b_shell_child_attr")).isEqualTo(ENFORCED);
        assertThat(facts.get("b_helper_attr")).isEqualTo(IN_CHILD);
        assertThat(facts.get("b_srv_read")).isEqualTo("denied");
        assertThat(facts.get("b_helper_hostname")).isEqualTo("denied");
    }

    @Test
    void withInitTheEntryPointGoesThroughTheProfilesExecRules() {
        assertThat(facts.get("c_init_pid1_cmdline")).startsWith("/sbin/docker-init -- /bin/sh -c ");
        assertThat(facts.get("c_init_pid1_attr")).isEqualTo(ENFORCED);
        assertThat(facts.get("c_init_entry_attr")).isEqualTo(IN_CHILD);
        // Without --init the runtime execs the entry point straight into the container's profile.
        assertThat(facts.get("c_noinit_entry_attr")).isEqualTo(ENFORCED);
    }

    @Test
    void aProfileThatIsNotLoadedFailsTheRun() {
        assertThat(facts.get("d_exit")).isEqualTo("127");
        assertThat(facts.get("d_output")).contains("unable to apply apparmor profile")
                .contains("write /proc/self/attr/apparmor/exec: no such file or directory");
    }

    @Test
    void deniedLinesNameTheProfileAndTheChild() {
        assertThat(kernelLines).anySatisfy(line -> assertThat(line)
                .contains("apparmor=\"DENIED\"", "profile=\"abtest\"", "name=\"/srv/secret\""));
        assertThat(kernelLines).anySatisfy(line -> assertThat(line)
                .contains("apparmor=\"DENIED\"", "profile=\"abtest//helper\"", "name=\"/etc/hostname\""));
    }
}
