package dev.armorbench.audit;

import java.math.BigDecimal;

/**
 * One AppArmor record as read from a log: what it says ({@link #kind}), when
 * ({@code audit(EPOCH:SERIAL)}), where it was read, and its key/values.
 *
 * @param kind DENIED, ALLOWED, AUDIT, HINT, STATUS or ERROR
 * @param epochMicros the record's time in microseconds since 1970, or {@link #NO_TIME}
 * @param serial the audit serial number, or -1 when the envelope has none
 * @param source the file or stream as the user named it
 * @param line the 1-based line number in that source
 * @param fields the key/values in the kernel's order, decoded
 */
public record AuditRecord(
        EventKind kind, long epochMicros, long serial, String source, long line, RecordFields fields) {

    public static final long NO_TIME = Long.MIN_VALUE;

    public boolean hasTime() {
        return epochMicros != NO_TIME;
    }

    /** Seconds since 1970 with their fraction (milliseconds for audit stamps), or null. */
    public BigDecimal epoch() {
        if (!hasTime()) {
            return null;
        }
        BigDecimal seconds = BigDecimal.valueOf(epochMicros, 6);
        return epochMicros % 1000 == 0 ? seconds.setScale(3) : seconds;
    }

    public String operation() {
        return fields.known(KeyIds.OPERATION);
    }

    /** The confining label: {@code profile=} in kernel records, {@code label=} in D-Bus ones. */
    public String profile() {
        return fields.firstKnown(KeyIds.PROFILE, KeyIds.LABEL);
    }

    public ProfileLabel label() {
        String text = profile();
        return text == null ? null : ProfileLabel.parse(text);
    }

    /** The record class ({@code file}, {@code net}, {@code cap}, …) where the kernel names one. */
    public String recordClass() {
        return fields.known(KeyIds.CLASS);
    }

    public long pid() {
        return fields.knownNumber(KeyIds.PID, -1);
    }

    public String comm() {
        return fields.known(KeyIds.COMM);
    }

    public String get(String key) {
        return fields.get(key);
    }
}
