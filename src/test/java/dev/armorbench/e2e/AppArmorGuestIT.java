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
