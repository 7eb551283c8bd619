package dev.armorbench.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.armorbench.testing.Requirements;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The harness itself: files in, output and exit code out, and every boot from the clean image. */
class AppArmorGuestIT {
    private static final Duration WORKLOAD_TIMEOUT = Duration.ofMinutes(5);
    private static AppArmorGuest guest;

    /** Above the project's 5-minute default: a first build of the guest takes up to 15 minutes. */
    @BeforeAll
    @Timeout(value = 45, unit = TimeUnit.MINUTES)
    static void buildTheGuest() {
        Requirements.require(AppArmorGuest.unavailableReason().isEmpty(),
                AppArmorGuest.unavailableReason().orElse(""));
        guest = AppArmorGuest.build();
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void returnsTheWorkloadsOutputAndExitCodeAndGivesItTheFiles(@TempDir Path directory) throws IOException {
        Path greeting = Files.writeString(directory.resolve("greeting.txt"), "hello from the host\n");

        GuestResult result = guest.run(Map.of("nested/greeting.txt", greeting),
                "cat \"$ARMORBENCH_FILES/nested/greeting.txt\"\n"
                        + "echo \"on stderr\" >&2\n"
                        + "echo \"apparmor=$(cat /sys/module/apparmor/parameters/enabled) cwd=$(pwd)\"\n"
                        + "exit 3\n",
                WORKLOAD_TIMEOUT);

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.output()).isEqualTo("hello from the host\non stderr\napparmor=Y cwd=/tmp/work\n");
        assertThat(result.boot()).isPositive();
        assertThat(result.run()).isPositive();
    }

    /**
     * What {@code container-px-to-child-name} says: {@code px -> NAME} looks for a top-level profile
     * NAME, not the child of that name, so the exec fails (or takes the {@code i} or {@code u} fallback), while
     * {@code cx -> NAME} lands in the child.
     */
    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void pxToAChildsNameFindsNoProfileWhileCxReachesTheChild() {
        String profile = "profile pxchild {\n"
                + "  /tmp/work/run.sh r,\n"
                + "  /tmp/work/px/busybox mrPx -> helpers,\n"
                + "  /tmp/work/pix/busybox mrPix -> helpers,\n"
                + "  /tmp/work/pux/busybox mrPux -> helpers,\n"
                + "  /tmp/work/cx/busybox mrCx -> helpers,\n"
                + "  /proc/** r,\n"
                + "  profile helpers {\n    /tmp/work/*/busybox mr,\n    /proc/** r,\n  }\n"
                + "}\n";
        String run = "for mode in px pix pux cx; do\n"
                + "  /tmp/work/$mode/busybox cat /proc/self/attr/current 2>&1; echo \"$mode exit=$?\"\n"
                + "done\n";
        GuestResult result = guest.run(Map.of(),
                "for mode in px pix pux cx; do mkdir -p /tmp/work/$mode && cp /bin/busybox /tmp/work/$mode/busybox; done\n"
                        + "cat > /tmp/work/pxchild.profile <<'EOF'\n" + profile + "EOF\n"
                        + "apparmor_parser -r -K /tmp/work/pxchild.profile || exit 10\n"
                        + "cat > /tmp/work/run.sh <<'EOF'\n" + run + "EOF\n"
                        + "/bin/busybox sh -c 'echo \"exec pxchild\" > /proc/self/attr/exec && exec /bin/busybox sh /tmp/work/run.sh'\n"
                        + "dmesg | grep 'apparmor=\"DENIED\"' | grep -o 'operation=\"exec\".*name=\"/tmp/work/px/busybox\".*' | head -1\n",
                WORKLOAD_TIMEOUT);
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output())
                .contains("/tmp/work/px/busybox: Permission denied\npx exit=126")
                .contains("pxchild (enforce)\npix exit=0")
                .contains("unconfined\npux exit=0")
                .contains("pxchild//helpers (enforce)\ncx exit=0")
                .contains("operation=\"exec\" info=\"profile transition not found\" error=-13 profile=\"pxchild\""
                        + " name=\"/tmp/work/px/busybox\"");
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void everyBootStartsFromTheBuiltImage() {
        String leaveAMark = "echo left > /root/mark && sync && echo marked\n";
        assertThat(guest.run(Map.of(), leaveAMark, WORKLOAD_TIMEOUT).output()).isEqualTo("marked\n");

        GuestResult next = guest.run(Map.of(), "test -e /root/mark && echo still there || echo gone\n",
                WORKLOAD_TIMEOUT);

        assertThat(next.output()).isEqualTo("gone\n");
    }
}
