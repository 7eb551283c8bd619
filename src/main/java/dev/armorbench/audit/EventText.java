package dev.armorbench.audit;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** One readable line per event: time, kind, profile, operation, then the other keys. */
public final class EventText {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    private EventText() {}

    public static String format(AuditEvent event) {
        AuditRecord record = event.record();
        StringBuilder text = new StringBuilder(160);
        if (record.hasTime()) {
            // Seconds and microseconds apart: nanoseconds since 1970 overflow a long after 2262, and a
            // kernel stamp may be any ten-digit number (tests write 9999999999).
            long micros = record.epochMicros();
            Instant time = Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L);
            text.append(TIME.format(time)).append(' ');
        } else {
            text.append("-                       ");
        }
        text.append(String.format("%-7s", record.kind().name())).append(' ');
        text.append(orDash(record.profile())).append(' ').append(orDash(record.operation()));
        RecordFields fields = record.fields();
        for (int i = 0; i < fields.size(); i++) {
            String key = fields.key(i);
            if (key == AuditKeys.APPARMOR || key == AuditKeys.PROFILE || key == AuditKeys.LABEL
                    || key == AuditKeys.OPERATION) {
                continue;
            }
            String value = fields.value(i);
            text.append(' ').append(key).append('=');
            if (value.isEmpty() || value.indexOf(' ') >= 0 || value.indexOf('"') >= 0) {
                text.append('"').append(value.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
            } else {
                text.append(value);
            }
        }
        return text.toString();
    }

    private static String orDash(String value) {
        return value == null ? "-" : value;
    }
}
