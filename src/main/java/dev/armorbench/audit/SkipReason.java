package dev.armorbench.audit;

/** Why a line gave no event. Only {@link #NOT_APPARMOR} is normal; the rest are damaged records. */
public enum SkipReason {
    /** Any other log line: another subsystem, another audit type, a blank line. */
    NOT_APPARMOR("not an AppArmor record"),
    /** The pre-2.1 free-text form ({@code REJECTING r access to …}), which carries no key/values. */
    OLD_FORMAT("AppArmor record in the pre-2.1 free-text form"),
    /** A quote that never closes, or a record cut before its keys. */
    TRUNCATED("truncated AppArmor record"),
    /** Control characters or bytes that are not UTF-8 inside the record. */
    BINARY("binary junk in an AppArmor record"),
    /** Longer than {@link LogLineParser#MAX_LINE_CHARS}; no kernel record is that long. */
    TOO_LONG("line too long to be an AppArmor record"),
    /** A hex-encoded value of odd length, or whose bytes are not text. */
    BAD_HEX("bad hex-encoded value in an AppArmor record"),
    /** An {@code audit(EPOCH:SERIAL)} stamp that is not two numbers. */
    BAD_AUDIT_ID("bad audit(EPOCH:SERIAL) stamp in an AppArmor record"),
    /** An {@code apparmor=} value that is not one of the kinds. */
    UNKNOWN_KIND("unknown apparmor= kind");

    private final String description;

    SkipReason(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    /** True when the line was meant as an AppArmor record but could not be read. */
    public boolean isDamagedRecord() {
        return this != NOT_APPARMOR;
    }
}
