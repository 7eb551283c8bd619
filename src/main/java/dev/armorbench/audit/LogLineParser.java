package dev.armorbench.audit;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Stream;

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
 * key/values after it with a hand-written scanner over the line's bytes: no regular expression,
 * no string for the whole line, one pass, one string per value. A line that is not an AppArmor
 * record, or is damaged, gives null and a {@link #lastSkipReason()}; it never throws.
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

    private static final byte[] APPARMOR_KEY = "apparmor=".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] STAMP = "audit(".getBytes(StandardCharsets.US_ASCII);
    /** "apparmor", "audi" and "type" as little-endian words, to compare a key in one step. */
    private static final long APPARMOR_WORD = ByteRuns.word("apparmor".getBytes(StandardCharsets.US_ASCII), 0, 8);
    private static final int AUDI_INT = (int) ByteRuns.word("audi".getBytes(StandardCharsets.US_ASCII), 0, 4);
    private static final int TYPE_INT = (int) ByteRuns.word("type".getBytes(StandardCharsets.US_ASCII), 0, 4);
    private static final byte[] MSG_QUOTE = "msg='".getBytes(StandardCharsets.US_ASCII);
    /** The audit types by name: {@code USER_AVC}, and {@code APPARMOR} alone (1500) or with a suffix (1501–1506, in order). */
    private static final long USER_AVC_WORD = ByteRuns.word("USER_AVC".getBytes(StandardCharsets.US_ASCII), 0, 8);
    private static final long APPARMOR_TYPE_WORD = ByteRuns.word("APPARMOR".getBytes(StandardCharsets.US_ASCII), 0, 8);
    private static final byte[][] APPARMOR_TYPE_SUFFIXES = Stream.of("AUDIT", "ALLOWED", "DENIED", "HINT", "STATUS", "ERROR")
            .map(suffix -> suffix.getBytes(StandardCharsets.US_ASCII)).toArray(byte[][]::new);

    /**
     * The most digits of a stamp's seconds and serial that are read: more cannot be a clock (the
     * kernel writes ten until the year 2286) or a counter (an unsigned 32-bit one), and would
     * overflow the microseconds or the serial.
     */
    private static final int MAX_EPOCH_DIGITS = 12;
    private static final int MAX_SERIAL_DIGITS = 18;

    /** Byte classes for the scanner's inner loops, one table lookup per byte. */
    private static final byte KEY_CHAR = 1;
    private static final byte JUNK = 2;
    private static final byte GAP = 4;
    private static final byte DOUBLE_QUOTE = 8;
    private static final byte SINGLE_QUOTE = 16;
    private static final byte[] CLASSES = new byte[256];
    /** {@link RecordFields.Form} ordinals, as the scanner keeps them. */
    private static final byte BARE = (byte) RecordFields.Form.BARE.ordinal();
    private static final byte QUOTED = (byte) RecordFields.Form.QUOTED.ordinal();
    private static final byte HEX = (byte) RecordFields.Form.HEX.ordinal();
    /** How far to look for the '=' of a known key: longer than the longest of {@link AuditKeys}. */
    private static final int KNOWN_KEY_SCAN = 24;

    static {
        for (int c = 0; c < 256; c++) {
            byte bits = 0;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-') {
                bits |= KEY_CHAR;
            }
            if ((c < 0x20 && c != '\t' && c != 0x1d) || c == 0x7f) {
                bits |= JUNK; // control characters and DEL: a kernel record never holds them unencoded
            }
            if (c == ' ' || c == '\t' || c == 0x1d) {
                bits |= GAP; // \x1d separates auditd's enriched FSUID="name" OUID="name" from the kernel's keys
            }
            if (c == '"') {
                bits |= DOUBLE_QUOTE;
            }
            if (c == '\'') {
                bits |= SINGLE_QUOTE;
            }
            CLASSES[c] = bits;
        }
    }

    /** Eight bytes at a time for the long runs inside values (paths, addresses). */
    private static final java.lang.invoke.VarHandle LONGS =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
    private static final java.lang.invoke.VarHandle INTS =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(int[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long SPACES = 0x2020202020202020L;
    private static final long DOUBLE_QUOTES = 0x2222222222222222L;
    private static final long SINGLE_QUOTES = 0x2727272727272727L;
    private static final long EQUALS_SIGNS = 0x3D3D3D3D3D3D3D3DL;
    private static final long ZEROS = 0x3030303030303030L;

    /**
     * The bytes of {@code word} that need a look, as their high bits: the {@code stopper} (the
     * closing quote, or a space for a bare value), control bytes, DEL and bytes above 0x7f. Control
     * bytes include tab and \x1d, the other gaps of a bare value. Exact for the lowest such byte,
     * which is all {@link #firstToLookAt} uses: each term may only flag bytes above its first.
     */
    private static long toLookAt(long word, long stopper) {
        // One mask for three of the tests: a byte below 0x20 borrows when 0x20 is taken from it,
        // DEL carries into its high bit when one is added, and a byte above 0x7f has it already.
        // A borrow or carry only reaches the bytes above the one that flagged it.
        return ByteRuns.matching(word, stopper) | (((word - SPACES) | (word + ONES) | word) & HIGHS);
    }

    /** The first byte in {@code line[i, end)} that needs a look (see {@link #toLookAt}), or {@code end}: eight bytes a step. */
    private static int firstToLookAt(byte[] line, int i, int end, long stopper) {
        for (; i + 8 <= end; i += 8) {
            long flags = toLookAt((long) LONGS.get(line, i), stopper);
            if (flags != 0) {
                return i + (Long.numberOfTrailingZeros(flags) >>> 3);
            }
        }
        byte stop = (byte) stopper;
        for (; i < end; i++) {
            byte c = line[i];
            if (c == stop || c < 0x20 || c == 0x7f) { // signed: bytes above 0x7f are below 0x20 too
                return i;
            }
        }
        return end;
    }

    private final HexText hex = new HexText();
    private final SharedValues shared = new SharedValues(EventClassifier.COMPARED_VALUES);
    private final RecordLayouts layouts = new RecordLayouts();
    private final JournalEntry journal = new JournalEntry();
    private SkipReason lastSkip = SkipReason.NOT_APPARMOR;

    /** Per field, its key and form as one {@link RecordLayouts#code}. */
    private short[] codes = new short[24];
    /** Per field, its key when the key table does not know it (its code says so); otherwise not written. */
    private String[] unknownKeys = new String[24];
    private String[] fieldValues = new String[24];
    private int count;
    /** Whether a key of this record is one the key table does not know. */
    private boolean hasUnknownKey;
    /** A hash of the codes added so far: records of one layout get the same. */
    private int layoutHash;
    private int innerType;
    /** The value of the last {@code apparmor=} key read, or null. */
    private String keyword;
    /** Where {@link #scanPrefix} found the last {@code type=}, or -1. */
    private int prefixTypeKey;
    private long stampMicros;
    private long stampSerial;
    /** The value {@link #readNumber} read last. */
    private long number;
    /** The keyword of the last record and its kind (see {@link #kindOf}). */
    private String lastKeyword;
    private EventKind lastKind;

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
        AuditRecord record = parse(bytes, offset, length, source, lineNumber);
        return record == null ? null : EventClassifier.classify(record);
    }

    /** Parses one line, or returns null (see {@link #lastSkipReason()}). */
    public AuditRecord parse(String line, String source, long lineNumber) {
        if (line.length() > MAX_LINE_CHARS) {
            return skip(SkipReason.TOO_LONG);
        }
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        return parse(bytes, 0, bytes.length, source, lineNumber);
    }

    /** Parses one line given as UTF-8 bytes, or returns null (see {@link #lastSkipReason()}). */
    public AuditRecord parse(byte[] bytes, int offset, int length, String source, long lineNumber) {
        if (length > MAX_LINE_CHARS) {
            return skip(SkipReason.TOO_LONG);
        }
        int end = offset + length;
        int start = offset;
        while (start < end && bytes[start] == ' ') {
            start++;
        }
        if (start < end && bytes[start] == '{') {
            return parseJournal(new String(bytes, offset, length, StandardCharsets.UTF_8), source, lineNumber);
        }
        return parseText(bytes, start, end, AuditRecord.NO_TIME, -1, TYPE_NONE, source, lineNumber);
    }

    private AuditRecord parseJournal(String line, String source, long lineNumber) {
        boolean mentionsAppArmor = line.contains("apparmor=");
        if (!mentionsAppArmor && !line.contains("\"MESSAGE\":[") && !line.contains("\"_AUDIT_TYPE\"")) {
            return skip(SkipReason.NOT_APPARMOR); // most of a journal: spare the JSON parser
        }
        if (!journal.read(line)) {
            return skip(journal.damaged() && mentionsAppArmor ? SkipReason.TRUNCATED : SkipReason.NOT_APPARMOR);
        }
        byte[] message = journal.message().getBytes(StandardCharsets.UTF_8);
        if (message.length > MAX_LINE_CHARS) {
            return skip(SkipReason.TOO_LONG);
        }
        return parseText(message, 0, message.length, journal.epochMicros(), journal.auditSerial(), journal.auditType(),
                source, lineNumber);
    }

    private AuditRecord parseText(byte[] line, int from, int length, long fallbackMicros, long fallbackSerial,
            int fallbackType, String source, long lineNumber) {
        // Whichever comes first: the audit stamp, or a record without one. Both are found by a rare
        // byte ('(' of the stamp, '=' of the key) rather than by every 'a' of a syslog prefix.
        int stamp;
        int apparmor;
        int typeAt = -1;
        if (apparmorKeyStartsAt(line, from, length) && isApparmorKeyAt(line, from, from, length)) {
            // A bare record (a journal's MESSAGE, a log of records alone): nothing before it to
            // search, where looking for a stamp would cross the whole line.
            stamp = -1;
            apparmor = from;
        } else if ((stamp = stampAt(line, from, length)) >= 0) {
            apparmor = scanPrefix(line, from, stamp, length); // also finds the last type= before the stamp
            typeAt = prefixTypeKey;
        } else {
            apparmor = findApparmorKey(line, from, length, length);
        }
        if (apparmor >= 0) {
            stamp = -1;
        }
        int type = fallbackType;
        long micros = fallbackMicros;
        long serial = fallbackSerial;
        int body;
        if (stamp >= 0) {
            if (typeAt >= 0) {
                type = auditType(line, typeAt + 5, stamp);
            }
            if (type == TYPE_OTHER) {
                return skip(SkipReason.NOT_APPARMOR);
            }
            int close = kernelStamp(line, stamp + STAMP.length, length);
            if (close < 0) {
                close = indexOf(line, (byte) ')', stamp, length);
                if (close < 0 || !parseStamp(line, stamp + STAMP.length, close)) {
                    boolean meant = findApparmorKey(line, stamp, length, length) >= 0 || isAppArmorType(type);
                    return skip(meant ? SkipReason.BAD_AUDIT_ID : SkipReason.NOT_APPARMOR);
                }
            }
            micros = stampMicros;
            serial = stampSerial;
            body = close + 1;
            if (body < length && line[body] == ':') {
                body++;
            }
            // Usually the record follows at once; USER_AVC and the legacy forms put it further on.
            int next = body;
            while (next < length && line[next] == ' ') {
                next++;
            }
            apparmor = apparmorKeyStartsAt(line, next, length) && isApparmorKeyAt(line, next, next, length)
                    ? next : findApparmorKey(line, body, length, length);
        } else {
            if (apparmor < 0 && fallbackType == TYPE_NONE) {
                return skip(SkipReason.NOT_APPARMOR);
            }
            body = apparmor >= 0 ? apparmor : from;
        }

        int end = length;
        if (apparmor >= from + MSG_QUOTE.length && startsWith(line, apparmor - MSG_QUOTE.length, length, MSG_QUOTE)) {
            // USER_AVC (type=1107): the AppArmor record is the quoted msg; the header around it
            // belongs to dbus-daemon's own audit message.
            body = apparmor;
            end = lastIndexOf(line, (byte) '\'', body, length);
            if (end < 0) {
                end = length; // the closing quote was cut off; the keys before it still stand
            }
        }

        count = 0;
        layoutHash = 0;
        hasUnknownKey = false;
        innerType = TYPE_NONE;
        keyword = null;
        SkipReason damage = scanFields(line, body, end);
        if (damage != null) {
            return skip(apparmor >= 0 || isAppArmorType(type) || isAppArmorType(innerType)
                    ? damage : SkipReason.NOT_APPARMOR);
        }

        EventKind kind;
        if (keyword != null) {
            kind = kindOf(keyword);
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
        layouts.share(codes, unknownKeys, count, hasUnknownKey, layoutHash);
        String[] values = new String[count]; // not Arrays.copyOf: for a String[] it goes through reflection
        System.arraycopy(fieldValues, 0, values, 0, count);
        RecordFields fields = new RecordFields(layouts.keys(), values, layouts.forms(), count,
                layouts.positions());
        return new AuditRecord(kind, micros, serial, source, lineNumber, fields);
    }

    /**
     * The kind named by {@code keyword}; the last answer is kept, because the shared value of a
     * repeated keyword is the same string object and most lines repeat the one before.
     */
    private EventKind kindOf(String keyword) {
        if (keyword != lastKeyword) {
            lastKind = EventKind.fromKeyword(keyword);
            lastKeyword = keyword;
        }
        return lastKind;
    }

    private static boolean isAppArmorType(int type) {
        return type >= 1500 && type <= 1506;
    }

    /**
     * Where a real {@code apparmor="…"} key starts in {@code line[from, to)}, or -1 — not
     * {@code apparmor=1} on a kernel command line, nor the text inside another value. Steps from
     * '=' to '=' and compares the eight bytes before it as one word; {@code end} is where the
     * line ends, for the quote after the key.
     */
    private static int findApparmorKey(byte[] line, int from, int to, int end) {
        for (int equals = ByteRuns.indexOf(line, (byte) '=', from + 8, to); equals >= 0;
                equals = ByteRuns.indexOf(line, (byte) '=', equals + 1, to)) {
            int at = apparmorKeyEndingAt(line, equals, from, end);
            if (at >= 0) {
                return at;
            }
        }
        return -1;
    }

    /**
     * Where a real {@code apparmor="…"} key starts if the '=' at {@code equals} ends one (the eight
     * bytes before it compared as one word, inside {@code line[from, …)}), or -1.
     */
    private static int apparmorKeyEndingAt(byte[] line, int equals, int from, int end) {
        int at = equals - 8;
        return at >= from && (long) LONGS.get(line, at) == APPARMOR_WORD && isApparmorKeyAt(line, at, from, end) ? at : -1;
    }

    /** Where the first {@code audit(} starts in {@code line[from, to)}, or -1: found by its '('. */
    private static int stampAt(byte[] line, int from, int to) {
        for (int paren = ByteRuns.indexOf(line, (byte) '(', from + 5, to); paren >= 0;
                paren = ByteRuns.indexOf(line, (byte) '(', paren + 1, to)) {
            int at = paren - 5;
            if ((int) INTS.get(line, at) == AUDI_INT && line[paren - 1] == 't') {
                return at;
            }
        }
        return -1;
    }

    /**
     * One pass over the prefix {@code line[from, stamp)}, from '=' to '=': returns where a real
     * {@code apparmor="…"} key starts (see {@link #findApparmorKey}), or -1, and keeps where the
     * last {@code type=} starts in {@link #prefixTypeKey} (-1 if none).
     */
    private int scanPrefix(byte[] line, int from, int stamp, int end) {
        int lastType = -1;
        for (int equals = ByteRuns.indexOf(line, (byte) '=', from + 4, stamp); equals >= 0;
                equals = ByteRuns.indexOf(line, (byte) '=', equals + 1, stamp)) {
            if ((int) INTS.get(line, equals - 4) == TYPE_INT) {
                lastType = equals - 4;
            }
            int at = apparmorKeyEndingAt(line, equals, from, end);
            if (at >= 0) {
                prefixTypeKey = -1;
                return at;
            }
        }
        prefixTypeKey = lastType;
        return -1;
    }

    private static boolean isApparmorKeyAt(byte[] line, int at, int from, int to) {
        int value = at + APPARMOR_KEY.length;
        if (value >= to || line[value] != '"') {
            return false;
        }
        if (at == from) {
            return true;
        }
        byte before = line[at - 1];
        return before == ' ' || before == '\'' || before == '\t' || before == ':' || before == ';' || before == 0x1d;
    }

    /** Whether {@code apparmor=} starts at {@code at} (before {@code limit}): one word and a byte compared, on every line. */
    private static boolean apparmorKeyStartsAt(byte[] line, int at, int limit) {
        return at + APPARMOR_KEY.length <= limit && (long) LONGS.get(line, at) == APPARMOR_WORD && line[at + 8] == '=';
    }

    private static boolean startsWith(byte[] line, int at, int limit, byte[] what) {
        if (at < 0 || at + what.length > limit) {
            return false;
        }
        for (int i = 0; i < what.length; i++) {
            if (line[at + i] != what[i]) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] line, byte what, int from, int to) {
        return ByteRuns.indexOf(line, what, from, to);
    }

    private static int lastIndexOf(byte[] line, byte what, int floor, int to) {
        for (int i = to - 1; i >= floor; i--) {
            if (line[i] == what) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The audit type named at {@code line[at, limit)}: a number (1400, 1503), a name (AVC,
     * USER_AVC, APPARMOR_DENIED, APPARMOR) or {@code UNKNOWN[1503]}; {@link #TYPE_OTHER} for any
     * other record type (SYSCALL, BPF, CRED_ACQ, …).
     */
    private static int auditType(byte[] line, int at, int limit) {
        int end = at;
        while (end < limit && line[end] != ' ' && line[end] != ':') {
            end++;
        }
        if (end == at) {
            return TYPE_NONE;
        }
        byte first = line[at];
        if (first >= '0' && first <= '9') {
            return typeOfNumber(parseNumber(line, at, end));
        }
        if (end - at == 3 && first == 'A' && line[at + 1] == 'V' && line[at + 2] == 'C') {
            return TYPE_AVC;
        }
        int named = namedType(line, at, end);
        if (named != TYPE_NONE) {
            return named;
        }
        String name = new String(line, at, end - at, StandardCharsets.ISO_8859_1);
        if (name.startsWith("UNKNOWN[") && name.endsWith("]")) {
            return typeOfNumber(RecordFields.parseLong(name.substring(8, name.length() - 1), -1));
        }
        return TYPE_OTHER;
    }

    /**
     * The AppArmor and D-Bus types written by name ({@code USER_AVC}, {@code APPARMOR},
     * {@code APPARMOR_DENIED}, …) in {@code line[at, end)}, compared as words rather than made
     * into a string; {@link #TYPE_NONE} for any other name.
     */
    private static int namedType(byte[] line, int at, int end) {
        int length = end - at;
        if (length < 8) {
            return TYPE_NONE;
        }
        long first = ByteRuns.word(line, at, 8);
        if (first == USER_AVC_WORD) {
            return length == 8 ? TYPE_USER_AVC : TYPE_NONE;
        }
        if (first != APPARMOR_TYPE_WORD) {
            return TYPE_NONE;
        }
        if (length == 8) {
            return TYPE_OLD_APPARMOR;
        }
        if (line[at + 8] != '_') {
            return TYPE_NONE;
        }
        for (int i = 0; i < APPARMOR_TYPE_SUFFIXES.length; i++) {
            byte[] suffix = APPARMOR_TYPE_SUFFIXES[i];
            if (suffix.length == length - 9 && ByteRuns.equal(line, at + 9, suffix, 0, suffix.length)) {
                return TYPE_OLD_APPARMOR + 1 + i;
            }
        }
        return TYPE_NONE;
    }

    private static long parseNumber(byte[] line, int start, int end) {
        if (end - start > 18) {
            return -1;
        }
        long number = 0;
        for (int i = start; i < end; i++) {
            byte c = line[i];
            if (c < '0' || c > '9') {
                return -1;
            }
            number = number * 10 + (c - '0');
        }
        return number;
    }

    private static int typeOfNumber(long number) {
        if (number == TYPE_AVC || number == TYPE_USER_AVC || (number >= 1500 && number <= 1506)) {
            return (int) number;
        }
        return TYPE_OTHER;
    }

    /** Reads {@code EPOCH.FRACTION:SERIAL} in {@code line[start, close)} into the stamp fields. */
    private boolean parseStamp(byte[] line, int start, int close) {
        int i = readNumber(line, start, close, MAX_EPOCH_DIGITS);
        if (i == start || i >= close) {
            return false;
        }
        long micros = number * 1_000_000L;
        if (line[i] == '.' && i + 4 < close && line[i + 4] == ':' && isDigit(line[i + 1]) && isDigit(line[i + 2])
                && isDigit(line[i + 3])) {
            // What the kernel writes: milliseconds, three digits.
            micros += (line[i + 1] - '0') * 100_000 + (line[i + 2] - '0') * 10_000 + (line[i + 3] - '0') * 1_000;
            i += 4;
        } else if (line[i] == '.') {
            i++;
            long scale = 100_000;
            int fractionDigits = 0;
            while (i < close && isDigit(line[i])) {
                if (scale > 0) {
                    micros += (line[i] - '0') * scale;
                    scale /= 10;
                }
                i++;
                fractionDigits++;
            }
            if (fractionDigits == 0) {
                return false;
            }
        }
        if (i >= close || line[i] != ':') {
            return false;
        }
        int serialStart = ++i;
        i = readNumber(line, serialStart, close, MAX_SERIAL_DIGITS);
        if (i == serialStart || i != close) {
            return false;
        }
        stampMicros = micros;
        stampSerial = number;
        return true;
    }

    /**
     * Reads the stamp at {@code line[start, …)} if it is as the kernel writes it,
     * {@code EEEEEEEEEE.MMM:SERIAL)} with a serial of one to eight digits, into the stamp fields, and
     * returns where its ')' is; -1 for any other form, which {@link #parseStamp} then reads once its
     * ')' is found. Whole words: the digits of the epoch and of the serial are checked and converted
     * eight at a time, and the serial's end is where its word stops being digits, so there is no
     * loop over the digits and no search for the ')'.
     */
    private int kernelStamp(byte[] line, int start, int limit) {
        int serialStart = start + 15;
        if (serialStart + 8 > limit || line[start + 10] != '.' || line[start + 14] != ':') {
            return -1;
        }
        long epochTail = (long) LONGS.get(line, start + 2);
        long serialWord = (long) LONGS.get(line, serialStart);
        // A byte is no digit when, less '0', it is above 9; exact for the first such byte, which
        // is all that is used: a carry only reaches the bytes after it.
        long lessZeros = serialWord ^ ZEROS;
        long notDigits = ((lessZeros + 0x7676767676767676L) | lessZeros) & HIGHS;
        int serialDigits = Long.numberOfTrailingZeros(notDigits) >>> 3; // 8 when all eight are digits
        int close = serialStart + serialDigits;
        byte e0 = line[start];
        byte e1 = line[start + 1];
        byte m0 = line[start + 11];
        byte m1 = line[start + 12];
        byte m2 = line[start + 13];
        if (serialDigits == 0 || close >= limit || line[close] != ')' || !areEightDigits(epochTail) || !isDigit(e0)
                || !isDigit(e1) || !isDigit(m0) || !isDigit(m1) || !isDigit(m2)) {
            return -1;
        }
        // The serial's digits moved to the word's end and '0's put before them: eight digits.
        int padBits = (8 - serialDigits) << 3;
        long padded = (serialWord << padBits) | (ZEROS & ((1L << padBits) - 1));
        long epoch = ((e0 - '0') * 10 + (e1 - '0')) * 100_000_000L + eightDigits(epochTail);
        stampMicros = epoch * 1_000_000L + (m0 - '0') * 100_000 + (m1 - '0') * 10_000 + (m2 - '0') * 1_000;
        stampSerial = eightDigits(padded);
        return close;
    }

    /**
     * Reads the decimal digits at {@code line[start, close)}, at most {@code maxDigits} of them, into
     * {@link #number}; returns where they end ({@code start} for none). Eight digits are taken in
     * one step where there are eight (the first eight of an epoch's ten, a long serial).
     */
    private int readNumber(byte[] line, int start, int close, int maxDigits) {
        int i = start;
        long value = 0;
        if (close - i >= 8 && areEightDigits((long) LONGS.get(line, i))) {
            value = eightDigits((long) LONGS.get(line, i));
            i += 8;
        }
        while (i < close && isDigit(line[i]) && i - start < maxDigits) {
            value = value * 10 + (line[i++] - '0');
        }
        number = value;
        return i;
    }

    /** Whether each of the eight bytes of {@code word} (little-endian) is an ASCII digit. */
    private static boolean areEightDigits(long word) {
        return ((word & 0xF0F0F0F0F0F0F0F0L) | (((word + 0x0606060606060606L) & 0xF0F0F0F0F0F0F0F0L) >>> 4))
                == 0x3333333333333333L;
    }

    /**
     * The number written by the eight ASCII digits of {@code word}, its first byte the most
     * significant digit: three multiplies instead of eight steps (the method of Lemire's
     * fast_float): 4% less time per line, side by side.
     */
    private static long eightDigits(long word) {
        long value = word - 0x3030303030303030L;
        value = value * 10 + (value >>> 8); // pairs of digits
        return (((value & 0x000000FF000000FFL) * 0x000F424000000064L)
                + (((value >>> 16) & 0x000000FF000000FFL) * 0x0000271000000001L)) >>> 32;
    }

    private static boolean isDigit(byte c) {
        return c >= '0' && c <= '9';
    }

    /** Reads {@code key=value} pairs in {@code line[start, end)}; returns the damage found, or null. */
    private SkipReason scanFields(byte[] line, int start, int end) {
        final byte[] classes = CLASSES;
        int i = start;
        while (i < end) {
            byte c = line[i];
            byte bits = classes[c & 0xff];
            if ((bits & GAP) != 0) {
                i++;
                continue;
            }
            if ((bits & JUNK) != 0) {
                return SkipReason.BINARY;
            }
            int keyStart = i;
            // Most keys are ones the kernel writes, all shorter than 16 bytes: the two words at the
            // key's start give both its '=' and the key to look up, with no search and no second
            // read. Only a key the table does not know is checked byte by byte.
            int equals;
            int slot;
            if (keyStart + 16 <= line.length) {
                long first = (long) LONGS.get(line, keyStart);
                long found = ByteRuns.matching(first, EQUALS_SIGNS);
                if (found != 0) {
                    int length = Long.numberOfTrailingZeros(found) >>> 3;
                    equals = keyStart + length;
                    slot = AuditKeys.slot(first & ((1L << (length << 3)) - 1), 0, length);
                } else {
                    long second = (long) LONGS.get(line, keyStart + 8);
                    found = ByteRuns.matching(second, EQUALS_SIGNS);
                    int length = Long.numberOfTrailingZeros(found) >>> 3; // 8 when there is none
                    equals = keyStart + 8 + length;
                    slot = found == 0 ? -1 : AuditKeys.slot(first, second & ((1L << (length << 3)) - 1), 8 + length);
                }
                if (equals >= end) {
                    slot = -1;
                }
            } else {
                // Near the end of the buffer, where a word would read past it.
                equals = ByteRuns.indexOf(line, (byte) '=', i + 1, Math.min(end, i + KNOWN_KEY_SCAN));
                slot = equals > 0 ? AuditKeys.slot(line, keyStart, equals) : -1;
            }
            if (slot >= 0) {
                i = equals;
                c = '=';
            } else {
                while (i < end && (classes[(c = line[i]) & 0xff] & KEY_CHAR) != 0) {
                    i++;
                }
            }
            if (i == keyStart || i >= end || c != '=') {
                // A word that is not a key (old free-text records, stray text): step over it.
                while (i < end && (c = line[i]) != ' ') {
                    if ((classes[c & 0xff] & JUNK) != 0) {
                        return SkipReason.BINARY;
                    }
                    i++;
                }
                continue;
            }
            int keyEnd = i++;
            if (slot < 0) {
                slot = AuditKeys.slot(line, keyStart, keyEnd);
            }
            int traits = slot >= 0 ? AuditKeys.traitsAt(slot) : 0;
            int valueStart;
            int valueEnd;
            int highBits = 0;
            byte form;
            byte quote = i < end ? line[i] : (byte) ' ';
            if (quote == '"' || quote == '\'') {
                byte stop = (byte) (JUNK | (quote == '"' ? DOUBLE_QUOTE : SINGLE_QUOTE));
                long stopper = quote == '"' ? DOUBLE_QUOTES : SINGLE_QUOTES;
                valueStart = ++i;
                while (true) {
                    i = firstToLookAt(line, i, end, stopper);
                    if (i >= end || (classes[(c = line[i]) & 0xff] & stop) != 0) {
                        break;
                    }
                    highBits |= c; // a tab, or a byte above 0x7f: part of the value
                    i++;
                }
                if (i >= end) {
                    return SkipReason.TRUNCATED;
                }
                if (c != quote) {
                    return SkipReason.BINARY;
                }
                valueEnd = i++;
                form = QUOTED;
            } else {
                valueStart = i;
                while (true) {
                    i = firstToLookAt(line, i, end, SPACES);
                    if (i >= end || (classes[(c = line[i]) & 0xff] & (GAP | JUNK)) != 0) {
                        break;
                    }
                    highBits |= c; // a byte above 0x7f: part of the value
                    i++;
                }
                if (i < end && (classes[c & 0xff] & JUNK) != 0) {
                    return SkipReason.BINARY;
                }
                valueEnd = i;
                form = BARE;
            }
            String key = slot >= 0 ? AuditKeys.keyAt(slot) : new String(line, keyStart, keyEnd - keyStart, StandardCharsets.ISO_8859_1);
            if (key == AuditKeys.TYPE) {
                // The legacy "audit(…): type=1503 operation=…" form names its type inside.
                int inner = auditType(line, valueStart, valueEnd);
                if (inner != TYPE_OTHER) {
                    innerType = inner;
                }
                continue;
            }
            String value;
            if (highBits < 0) {
                // Not ASCII: the kernel hex-encodes such values, so this is a daemon's own text.
                value = new String(line, valueStart, valueEnd - valueStart, StandardCharsets.UTF_8);
                if (value.indexOf('\uFFFD') >= 0) {
                    return SkipReason.BINARY;
                }
            } else if (form == BARE && (traits & AuditKeys.UNTRUSTED_TRAIT) != 0
                    && HexText.looksHex(line, valueStart, valueEnd)) {
                value = hex.decode(line, valueStart, valueEnd);
                if (value == null) {
                    return SkipReason.BAD_HEX;
                }
                form = HEX;
            } else if (key == AuditKeys.PROTOCOL && form == BARE) {
                String number = new String(line, valueStart, valueEnd - valueStart, StandardCharsets.ISO_8859_1);
                value = NetworkProtocols.name(number);
                if (value != number) {
                    form = QUOTED;
                }
            } else if ((traits & AuditKeys.VOCABULARY_TRAIT) != 0) {
                value = shared.known(line, valueStart, valueEnd);
                if (value == null) {
                    value = shared.share(line, valueStart, valueEnd);
                }
            } else {
                value = new String(line, valueStart, valueEnd - valueStart, StandardCharsets.ISO_8859_1);
            }
            add(key, slot, value, form);
        }
        return null;
    }

    /** {@code slot}: the key's {@link AuditKeys} table slot, or -1 for a key the table does not know. */
    private void add(String key, int slot, String value, byte form) {
        if (count == codes.length) {
            codes = Arrays.copyOf(codes, count * 2);
            unknownKeys = Arrays.copyOf(unknownKeys, count * 2);
            fieldValues = Arrays.copyOf(fieldValues, count * 2);
        }
        short code = RecordLayouts.code(slot, form);
        if (slot < 0) {
            unknownKeys[count] = key;
            hasUnknownKey = true;
        }
        codes[count] = code;
        fieldValues[count] = value;
        if (key == AuditKeys.APPARMOR) {
            keyword = value; // the last one wins, as in libapparmor
        }
        layoutHash = 31 * layoutHash + code;
        count++;
    }

    private AuditRecord skip(SkipReason reason) {
        lastSkip = reason;
        return null;
    }
}
