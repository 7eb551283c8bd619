package dev.armorbench.audit;

import java.util.Arrays;

/**
 * Reads one log line into an {@link AuditRecord}, whatever envelope carries it: the kernel's
 * printk as {@code dmesg} or {@code /dev/kmsg} show it, classic and ISO 8601 syslog (with or
 * without {@code audit:}, the bracketed uptime and {@code kern.notice}-style prefixes), auditd
 * ({@code type=AVC msg=audit(…)}, the legacy {@code type=APPARMOR_*}, {@code UNKNOWN[150x]} and
 * numeric 1500–1506 records, the enriched {@code \x1d FSUID="…"} suffix), D-Bus {@code USER_AVC}
 * and {@code dbus[PID]: apparmor=…} syslog lines, and journald's {@code -o json} export.
 *
 * <p>Rather than recognise every syslog prefix, the parser anchors on what the kernel itself
 * writes — the {@code audit(EPOCH:SERIAL)} stamp and the {@code apparmor=} key — and reads the
 * key/values after it with a hand-written scanner: no regular expression, one pass, one string
 * per value. A line that is not an AppArmor record, or is damaged, gives null and a
 * {@link #lastSkipReason()}; it never throws.
 *
 * <p>Not thread-safe: it reuses its scratch arrays. Use one per reading thread.
 */
public final class LogLineParser {
    /** No kernel record comes near this; a longer line is junk and is not scanned. */
    public static final int MAX_LINE_CHARS = 64 * 1024;

    private static final int TYPE_NONE = 0;
    private static final int TYPE_OTHER = -1;
    private static final int TYPE_AVC = 1400;
    private static final int TYPE_USER_AVC = 1107;
    private static final int TYPE_OLD_APPARMOR = 1500;

    private final HexText hex = new HexText();
    private final SharedValues values = new SharedValues();
    private final JournalEntry journal = new JournalEntry();
    private SkipReason lastSkip = SkipReason.NOT_APPARMOR;

    private String[] keys = new String[24];
    private String[] fieldValues = new String[24];
    private byte[] forms = new byte[24];
    private int count;
    private int innerType;

    /** Why the last call returned null. */
    public SkipReason lastSkipReason() {
        return lastSkip;
    }

    /** Parses and types one line, or returns null (see {@link #lastSkipReason()}). */
    public AuditEvent parseEvent(String line, String source, long lineNumber) {
        AuditRecord record = parse(line, source, lineNumber);
        return record == null ? null : EventClassifier.classify(record);
    }

    /** Parses and types one line given as UTF-8 bytes, or returns null (see {@link #lastSkipReason()}). */
    public AuditEvent parseEvent(byte[] bytes, int offset, int length, String source, long lineNumber) {
        if (length > MAX_LINE_CHARS) {
            skip(SkipReason.TOO_LONG);
            return null;
        }
        return parseEvent(new String(bytes, offset, length, java.nio.charset.StandardCharsets.UTF_8), source, lineNumber);
    }

    /** Parses one line, or returns null (see {@link #lastSkipReason()}). */
    public AuditRecord parse(String line, String source, long lineNumber) {
        if (line.length() > MAX_LINE_CHARS) {
            return skip(SkipReason.TOO_LONG);
        }
        int start = 0;
        int length = line.length();
        while (start < length && line.charAt(start) == ' ') {
            start++;
        }
        if (start < length && line.charAt(start) == '{') {
            return parseJournal(line, source, lineNumber);
        }
        return parseText(line, start, AuditRecord.NO_TIME, -1, TYPE_NONE, source, lineNumber);
    }

    private AuditRecord parseJournal(String line, String source, long lineNumber) {
        boolean mentionsAppArmor = line.contains("apparmor=");
        if (!mentionsAppArmor && !line.contains("\"MESSAGE\":[") && !line.contains("\"_AUDIT_TYPE\"")) {
            return skip(SkipReason.NOT_APPARMOR); // most of a journal: spare the JSON parser
        }
        if (!journal.read(line)) {
            return skip(journal.damaged() && mentionsAppArmor ? SkipReason.TRUNCATED : SkipReason.NOT_APPARMOR);
        }
        String message = journal.message();
        if (message.length() > MAX_LINE_CHARS) {
            return skip(SkipReason.TOO_LONG);
        }
        return parseText(message, 0, journal.epochMicros(), journal.auditSerial(), journal.auditType(),
                source, lineNumber);
    }

    private AuditRecord parseText(String line, int from, long fallbackMicros, long fallbackSerial,
            int fallbackType, String source, long lineNumber) {
        int length = line.length();
        int apparmor = findApparmorKey(line, from);
        int stamp = line.indexOf("audit(", from);
        if (apparmor >= 0 && stamp > apparmor) {
            stamp = -1; // "audit(" inside a value, not an envelope
        }
        if (apparmor < 0 && stamp < 0 && fallbackType == TYPE_NONE) {
            return skip(SkipReason.NOT_APPARMOR);
        }

        int type = fallbackType;
        long micros = fallbackMicros;
        long serial = fallbackSerial;
        int body;
        if (stamp >= 0) {
            int typeAt = lastIndexOf(line, "type=", stamp, from);
            if (typeAt >= 0) {
                type = auditType(line, typeAt + 5, stamp);
            }
            if (type == TYPE_OTHER) {
                return skip(SkipReason.NOT_APPARMOR);
            }
            int close = line.indexOf(')', stamp);
            long[] parsed = close < 0 ? null : parseStamp(line, stamp + 6, close);
            if (parsed == null) {
                boolean meant = apparmor >= 0 || (type >= 1500 && type <= 1506);
                return skip(meant ? SkipReason.BAD_AUDIT_ID : SkipReason.NOT_APPARMOR);
            }
            micros = parsed[0];
            serial = parsed[1];
            body = close + 1;
            if (body < length && line.charAt(body) == ':') {
                body++;
            }
        } else if (apparmor >= 0) {
            body = apparmor;
        } else {
            body = from;
        }

        int end = length;
        if (apparmor >= 5 && line.startsWith("msg='", apparmor - 5)) {
            // USER_AVC (type=1107): the AppArmor record is the quoted msg; the header around it
            // belongs to dbus-daemon's own audit message.
            body = apparmor;
            end = line.lastIndexOf('\'');
            if (end < body) {
                end = length; // the closing quote was cut off; the keys before it still stand
            }
        }

        count = 0;
        innerType = TYPE_NONE;
        SkipReason damage = scanFields(line, body, end);
        if (damage != null) {
            return skip(apparmor >= 0 || isAppArmorType(type) || isAppArmorType(innerType)
                    ? damage : SkipReason.NOT_APPARMOR);
        }

        EventKind kind;
        String keyword = get(AuditKeys.APPARMOR);
        if (keyword != null) {
            kind = EventKind.fromKeyword(keyword);
            if (kind == null) {
                return skip(SkipReason.UNKNOWN_KIND);
            }
        } else {
            kind = EventKind.fromAuditType(type);
            if (kind == null) {
                kind = EventKind.fromAuditType(innerType);
            }
            if (kind == null) {
                return skip(type == TYPE_OLD_APPARMOR ? SkipReason.OLD_FORMAT : SkipReason.NOT_APPARMOR);
            }
        }
        if (count < 2) {
            return skip(SkipReason.TRUNCATED);
        }
        RecordFields fields = new RecordFields(
                Arrays.copyOf(keys, count), Arrays.copyOf(fieldValues, count), Arrays.copyOf(forms, count), count);
        return new AuditRecord(kind, micros, serial, source, lineNumber, fields);
    }

    private static boolean isAppArmorType(int type) {
        return type >= 1500 && type <= 1506;
    }

    /** Where a real {@code apparmor="…"} key starts (not {@code apparmor=1} on a kernel command line). */
    private static int findApparmorKey(String line, int from) {
        int at = line.indexOf("apparmor=", from);
        while (at >= 0) {
            boolean tokenStart = at == from || " '\t:;\u001d".indexOf(line.charAt(at - 1)) >= 0;
            int value = at + 9;
            if (tokenStart && value < line.length() && line.charAt(value) == '"') {
                return at;
            }
            at = line.indexOf("apparmor=", at + 9);
        }
        return -1;
    }

    private static int lastIndexOf(String line, String what, int before, int floor) {
        int at = line.lastIndexOf(what, before);
        return at >= floor ? at : -1;
    }

    /**
     * The audit type named at {@code at}: a number (1400, 1503), a name (AVC, USER_AVC,
     * APPARMOR_DENIED, APPARMOR) or {@code UNKNOWN[1503]}; {@link #TYPE_OTHER} for any other
     * record type (SYSCALL, BPF, CRED_ACQ, …).
     */
    private static int auditType(String line, int at, int limit) {
        int end = at;
        while (end < limit && line.charAt(end) != ' ' && line.charAt(end) != ':') {
            end++;
        }
        if (end == at) {
            return TYPE_NONE;
        }
        char first = line.charAt(at);
        if (first >= '0' && first <= '9') {
            long number = RecordFields.parseLong(line.substring(at, end), -1);
            return typeOfNumber(number);
        }
        String name = line.substring(at, end);
        switch (name) {
            case "AVC": return TYPE_AVC;
            case "USER_AVC": return TYPE_USER_AVC;
            case "APPARMOR": return TYPE_OLD_APPARMOR;
            case "APPARMOR_AUDIT": return 1501;
            case "APPARMOR_ALLOWED": return 1502;
            case "APPARMOR_DENIED": return 1503;
            case "APPARMOR_HINT": return 1504;
            case "APPARMOR_STATUS": return 1505;
            case "APPARMOR_ERROR": return 1506;
            default:
                break;
        }
        if (name.startsWith("UNKNOWN[") && name.endsWith("]")) {
            return typeOfNumber(RecordFields.parseLong(name.substring(8, name.length() - 1), -1));
        }
        return TYPE_OTHER;
    }

    private static int typeOfNumber(long number) {
        if (number == TYPE_AVC || number == TYPE_USER_AVC || (number >= 1500 && number <= 1506)) {
            return (int) number;
        }
        return TYPE_OTHER;
    }

    /** {@code EPOCH.FRACTION:SERIAL} between {@code start} and the closing parenthesis. */
    private static long[] parseStamp(String line, int start, int close) {
        int i = start;
        long seconds = 0;
        int digits = 0;
        while (i < close && isDigit(line.charAt(i)) && digits < 13) {
            seconds = seconds * 10 + (line.charAt(i++) - '0');
            digits++;
        }
        if (digits == 0 || i >= close) {
            return null;
        }
        long micros = seconds * 1_000_000L;
        if (line.charAt(i) == '.') {
            i++;
            long scale = 100_000;
            int fractionDigits = 0;
            while (i < close && isDigit(line.charAt(i))) {
                if (scale > 0) {
                    micros += (line.charAt(i) - '0') * scale;
                    scale /= 10;
                }
                i++;
                fractionDigits++;
            }
            if (fractionDigits == 0) {
                return null;
            }
        }
        if (i >= close || line.charAt(i) != ':') {
            return null;
        }
        i++;
        long serial = 0;
        digits = 0;
        while (i < close && isDigit(line.charAt(i)) && digits < 19) {
            serial = serial * 10 + (line.charAt(i++) - '0');
            digits++;
        }
        if (digits == 0 || i != close) {
            return null;
        }
        return new long[] {micros, serial};
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isKeyChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    }

    private static boolean isJunk(char c) {
        return (c < 0x20 && c != '\t') || c == '\uFFFD' || c == 0x7f;
    }

    /** Reads {@code key=value} pairs in {@code line[start, end)}; returns the damage found, or null. */
    private SkipReason scanFields(String line, int start, int end) {
        int i = start;
        while (i < end) {
            char c = line.charAt(i);
            if (c == ' ' || c == '\t' || c == '\u001d') {
                // \x1d separates auditd's enriched FSUID="name" OUID="name" from the kernel's keys.
                i++;
                continue;
            }
            if (isJunk(c)) {
                return SkipReason.BINARY;
            }
            int keyStart = i;
            int keyHash = 0;
            while (i < end && isKeyChar(c = line.charAt(i))) {
                keyHash = 31 * keyHash + c;
                i++;
            }
            if (i == keyStart || i >= end || c != '=') {
                // A word that is not a key (old free-text records, stray text): step over it.
                while (i < end && (c = line.charAt(i)) != ' ') {
                    if (isJunk(c)) {
                        return SkipReason.BINARY;
                    }
                    i++;
                }
                continue;
            }
            int keyEnd = i++;
            int valueStart;
            int valueEnd;
            int valueHash = 0;
            RecordFields.Form form;
            char quote = i < end ? line.charAt(i) : ' ';
            if (quote == '"' || quote == '\'') {
                valueStart = ++i;
                while (i < end && (c = line.charAt(i)) != quote) {
                    if (isJunk(c)) {
                        return SkipReason.BINARY;
                    }
                    valueHash = 31 * valueHash + c;
                    i++;
                }
                if (i >= end) {
                    return SkipReason.TRUNCATED;
                }
                valueEnd = i++;
                form = RecordFields.Form.QUOTED;
            } else {
                valueStart = i;
                while (i < end && (c = line.charAt(i)) != ' ' && c != '\u001d' && c != '\t') {
                    if (isJunk(c)) {
                        return SkipReason.BINARY;
                    }
                    valueHash = 31 * valueHash + c;
                    i++;
                }
                valueEnd = i;
                form = RecordFields.Form.BARE;
            }
            int slot = AuditKeys.slot(line, keyStart, keyEnd, keyHash);
            String key = slot >= 0 ? AuditKeys.keyAt(slot) : line.substring(keyStart, keyEnd);
            int traits = slot >= 0 ? AuditKeys.traitsAt(slot) : 0;
            if (key == AuditKeys.TYPE) {
                // The legacy "audit(…): type=1503 operation=…" form names its type inside.
                int inner = auditType(line, valueStart, valueEnd);
                if (inner != TYPE_OTHER) {
                    innerType = inner;
                }
                continue;
            }
            String value;
            if (form == RecordFields.Form.BARE && (traits & AuditKeys.UNTRUSTED_TRAIT) != 0
                    && HexText.looksHex(line, valueStart, valueEnd)) {
                value = hex.decode(line, valueStart, valueEnd);
                if (value == null) {
                    return SkipReason.BAD_HEX;
                }
                form = RecordFields.Form.HEX;
            } else if (key == AuditKeys.PROTOCOL && form == RecordFields.Form.BARE) {
                String number = line.substring(valueStart, valueEnd);
                value = NetworkProtocols.name(number);
                if (value != number) {
                    form = RecordFields.Form.QUOTED;
                }
            } else if ((traits & AuditKeys.VOCABULARY_TRAIT) != 0) {
                value = values.share(line, valueStart, valueEnd, valueHash);
            } else {
                value = line.substring(valueStart, valueEnd);
            }
            add(key, value, form);
        }
        return null;
    }

    private void add(String key, String value, RecordFields.Form form) {
        if (count == keys.length) {
            keys = Arrays.copyOf(keys, count * 2);
            fieldValues = Arrays.copyOf(fieldValues, count * 2);
            forms = Arrays.copyOf(forms, count * 2);
        }
        keys[count] = key;
        fieldValues[count] = value;
        forms[count] = (byte) form.ordinal();
        count++;
    }

    private String get(String key) {
        for (int i = count - 1; i >= 0; i--) {
            if (keys[i] == key) {
                return fieldValues[i];
            }
        }
        return null;
    }

    private AuditRecord skip(SkipReason reason) {
        lastSkip = reason;
        return null;
    }
}
