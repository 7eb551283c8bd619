package dev.armorbench.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EventTextTest {
    private final LogLineParser parser = new LogLineParser();

    private String text(String stamp) {
        AuditEvent event = parser.parseEvent("audit: type=1400 audit(" + stamp + "): apparmor=\"DENIED\" operation=\"open\""
                + " profile=\"p\" name=\"/x\" pid=1", "test", 1);
        return EventText.format(event);
    }

    @Test
    void printsTheStampInUtcToTheMillisecond() {
        assertThat(text("1700000000.123:7")).isEqualTo("2023-11-14 22:13:20.123 DENIED  p open name=/x pid=1");
    }

    @Test
    void printsStampsBeyond2262() {
        // Nanoseconds since 1970 no longer fit a long there; the kernel's stamp can still say so.
        assertThat(text("9999999999.000:1")).startsWith("2286-11-20 17:46:39.000 DENIED");
    }

    @Test
    void aRecordWithoutAStampGetsADash() {
        AuditEvent event = parser.parseEvent("apparmor=\"DENIED\" operation=\"open\" profile=\"p\" name=\"/x\" pid=1", "test", 1);
        assertThat(EventText.format(event)).startsWith("-  ").contains("DENIED  p open name=/x");
    }
}
