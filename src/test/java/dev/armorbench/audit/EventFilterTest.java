package dev.armorbench.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class EventFilterTest {
    private final LogLineParser parser = new LogLineParser();

    private AuditEvent event(String profile, String stamp) {
        return parser.parseEvent("type=AVC msg=audit(" + stamp + "): apparmor=\"DENIED\" operation=\"open\" profile=\"" + profile
                + "\" name=\"/x\" pid=1", "t", 1);
    }

    @Test
    void keepsAProfileFamilySinceAMoment() {
        EventFilter filter = EventFilter.profileFamily("web").since(Instant.ofEpochSecond(1700000000, 500_000_000));
        assertThat(filter.test(event("web", "1700000000.500:1"))).isTrue();
        assertThat(filter.test(event("web//null-/bin/sh", "1700000001.000:2"))).isTrue();
        assertThat(filter.test(event("web///usr/bin/x", "1700000001.000:2"))).isTrue();
        assertThat(filter.test(event("web", "1700000000.499:3"))).isFalse();
        assertThat(filter.test(event("webapp", "1700000001.000:4"))).isFalse();
        assertThat(EventFilter.ALL.test(event("anything", "1.000:1"))).isTrue();
    }
}
