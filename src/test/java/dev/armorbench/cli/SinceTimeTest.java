package dev.armorbench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

class SinceTimeTest {
    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
    private final SinceTime since = new SinceTime(Clock.fixed(NOW, ZoneId.of("Europe/Berlin")));

    @Test
    void readsATimeAgoALocalTimeAnOffsetTimeAndAnAuditStamp() {
        assertThat(since.convert("10m")).isEqualTo(NOW.minusSeconds(600));
        assertThat(since.convert("1h30m")).isEqualTo(NOW.minusSeconds(5_400));
        assertThat(since.convert("2d")).isEqualTo(NOW.minusSeconds(2 * 86_400));
        // Berlin is an hour ahead of UTC in November.
        assertThat(since.convert("2026-11-30 14:05")).isEqualTo(Instant.parse("2026-11-30T13:05:00Z"));
        assertThat(since.convert("2026-11-30T14:05:30")).isEqualTo(Instant.parse("2026-11-30T13:05:30Z"));
        assertThat(since.convert("2026-11-30")).isEqualTo(Instant.parse("2026-11-29T23:00:00Z"));
        assertThat(since.convert("2026-11-30T13:05:00Z")).isEqualTo(Instant.parse("2026-11-30T13:05:00Z"));
        assertThat(since.convert("2026-11-30T13:05:00+02:00")).isEqualTo(Instant.parse("2026-11-30T11:05:00Z"));
        assertThat(since.convert("@1795919128.876")).isEqualTo(Instant.ofEpochSecond(1795919128, 876_000_000));
        assertThat(since.convert("@1795919128")).isEqualTo(Instant.ofEpochSecond(1795919128));
    }

    @Test
    void anythingElseIsRefusedWithTheFormsItTakes() {
        for (String bad : new String[] {"", "5", "m", "yesterday", "2026-13-01", "@", "10 minutes"}) {
            assertThatThrownBy(() -> since.convert(bad)).as(bad).isInstanceOf(TypeConversionException.class)
                    .hasMessageContaining("is not a time").hasMessageContaining("10m").hasMessageContaining("@SECONDS");
        }
    }
}
