package dev.armorbench.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LogReaderTest {
    private static final String RECORD = "type=AVC msg=audit(1700000000.250:%d): apparmor=\"DENIED\" operation=\"open\" profile=\"p\""
            + " name=\"/etc/x\" pid=7 comm=\"c\" requested_mask=\"r\" denied_mask=\"r\" fsuid=0 ouid=0";

    @Test
    void skipsAndCountsGarbageWithoutEverThrowing() throws IOException {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        write(log, String.format(RECORD, 1) + "\r\n");
        // A 1 MB line (an AppArmor one, even): dropped as it streams past.
        write(log, "apparmor=\"DENIED\" name=\"" + "a".repeat(1 << 20) + "\"\n");
        // Binary junk with NULs, and bytes that are not UTF-8 inside a record.
        byte[] junk = new byte[4096];
        new Random(42).nextBytes(junk);
        for (int i = 0; i < junk.length; i++) {
            if (junk[i] == '\n') {
                junk[i] = 0;
            }
        }
        log.write(junk);
        write(log, "\n");
        write(log, "type=AVC msg=audit(1.2:3): apparmor=\"DENIED\" operation=\"open\" profile=\"p\" name=\"/x");
        log.write(new byte[] {(byte) 0xC3, (byte) 0x28});
        write(log, "\" pid=1\n");
        write(log, "type=AVC msg=audit(1.2:3): apparmor=\"DENIED\" operation=\"open\" profile=\"p\" name=\"/cut-off\n");
        write(log, "type=AVC msg=audit(1.2:3): apparmor=\"DENIED\" operation=\"open\" profile=\"p\" name=2F746 pid=1\n");
        write(log, String.format(RECORD, 2)); // the last line has no newline

        LogReader reader = new LogReader();
        List<AuditEvent> events = new ArrayList<>();
        reader.read(new ByteArrayInputStream(log.toByteArray()), "mixed.log", events::add);

        assertThat(events).extracting(e -> e.record().serial()).containsExactly(1L, 2L);
        assertThat(events).extracting(e -> e.record().line()).containsExactly(1L, 7L);
        assertThat(events.get(0).record().get("ouid")).isEqualTo("0"); // the \r is gone
        assertThat(reader.lines()).isEqualTo(7);
        SkipCounts skips = reader.skips();
        assertThat(skips.count(SkipReason.TOO_LONG)).isEqualTo(1);
        assertThat(skips.count(SkipReason.BINARY)).isEqualTo(1);
        assertThat(skips.count(SkipReason.TRUNCATED)).isEqualTo(1);
        assertThat(skips.count(SkipReason.BAD_HEX)).isEqualTo(1);
        // The random junk is just not a record.
        assertThat(skips.count(SkipReason.NOT_APPARMOR)).isEqualTo(1);
        assertThat(skips.total()).isEqualTo(5);
        assertThat(skips.describe()).startsWith("5 lines skipped: ");
    }

    private static void write(ByteArrayOutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
    }
}
