package dev.armorbench.audit;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The key/values of one record, in the order the kernel wrote them, values already decoded.
 *
 * <p>Kept as parallel arrays rather than a map: reading millions of lines a second makes every
 * allocation count, and the key and form arrays, and where each known key sits, are shared by the
 * records of one layout ({@link RecordLayouts}). Keys the parser knows are the shared constants of
 * {@link AuditKeys}.
 */
public final class RecordFields {
    /** How a value was written, which decides whether it is a number in JSON. */
    public enum Form { BARE, QUOTED, HEX }

    private static final Form[] FORMS = Form.values();

    private final String[] keys;
    private final String[] values;
    private final byte[] forms;
    private final int size;
    /**
     * By {@link AuditKeys#idOf} a key's number: the index of its last value, or -1. Records of one
     * layout share it, so the classifier's lookups (a dozen per record, most of keys a record does
     * not have) are one array read each rather than a scan.
     */
    private final short[] positions;

    RecordFields(String[] keys, String[] values, byte[] forms, int size) {
        this(keys, values, forms, size, positionsOf(keys, size));
    }

    /** {@code positions}: {@link #positionsOf} the keys, which records of one layout share. */
    RecordFields(String[] keys, String[] values, byte[] forms, int size, short[] positions) {
        this.keys = keys;
        this.values = values;
        this.forms = forms;
        this.size = size;
        this.positions = positions;
    }

    static short[] positionsOf(String[] keys, int size) {
        short[] positions = new short[AuditKeys.KEY_COUNT];
        Arrays.fill(positions, (short) -1);
        for (int i = 0; i < size; i++) {
            int id = AuditKeys.idOf(keys[i]);
            if (id >= 0) {
                positions[id] = (short) i; // later keys win
            }
        }
        return positions;
    }

    /** Builds fields from pairs, for tests and for callers that make records by hand. */
    public static RecordFields of(String... keyValues) {
        int n = keyValues.length / 2;
        String[] k = new String[n];
        String[] v = new String[n];
        byte[] f = new byte[n];
        for (int i = 0; i < n; i++) {
            k[i] = AuditKeys.canonical(keyValues[2 * i]);
            v[i] = keyValues[2 * i + 1];
            f[i] = (byte) Form.QUOTED.ordinal();
        }
        return new RecordFields(k, v, f, n);
    }

    public int size() {
        return size;
    }

    public String key(int index) {
        return keys[index];
    }

    public String value(int index) {
        return values[index];
    }

    public Form form(int index) {
        return FORMS[forms[index]];
    }

    /** The last value under {@code key} (later keys win, as in libapparmor), or null. */
    public String get(String key) {
        int id = AuditKeys.idOf(key);
        if (id >= 0) {
            int at = positions[id];
            return at < 0 ? null : values[at];
        }
        for (int i = size - 1; i >= 0; i--) {
            if (keys[i].equals(key)) {
                return values[i];
            }
        }
        return null;
    }

    /** Like {@link #get} for a key by its {@link KeyIds} number. */
    String known(int keyId) {
        int at = positions[keyId];
        return at < 0 ? null : values[at];
    }

    /** The first present value among {@code keys}, or null. */
    public String first(String a, String b) {
        String v = get(a);
        return v != null ? v : get(b);
    }

    /** {@link #first} for two {@link KeyIds} numbers. */
    String firstKnown(int a, int b) {
        String v = known(a);
        return v != null ? v : known(b);
    }

    /** {@link #number} for a {@link KeyIds} number. */
    long knownNumber(int keyId, long missing) {
        String v = known(keyId);
        return v == null ? missing : parseLong(v, missing);
    }

    /** The value of whichever of {@code keys} was written last, or null. */
    public String lastOf(String... names) {
        for (int i = size - 1; i >= 0; i--) {
            for (String name : names) {
                if (keys[i].equals(name)) {
                    return values[i];
                }
            }
        }
        return null;
    }

    public boolean has(String key) {
        return get(key) != null;
    }

    /** A decimal value as a long, or {@code missing} when absent or not a number. */
    public long number(String key, long missing) {
        String v = get(key);
        return v == null ? missing : parseLong(v, missing);
    }

    /** True when the value at {@code index} is a bare decimal integer: a number in JSON. */
    public boolean isNumber(int index) {
        if (forms[index] != Form.BARE.ordinal()) {
            return false;
        }
        String v = values[index];
        int start = v.startsWith("-") ? 1 : 0;
        if (v.length() == start || v.length() - start > 18) {
            return false;
        }
        for (int i = start; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    static long parseLong(String v, long missing) {
        int len = v.length();
        if (len == 0 || len > 19) {
            return missing;
        }
        int i = 0;
        boolean negative = v.charAt(0) == '-';
        if (negative) {
            if (len == 1) {
                return missing;
            }
            i = 1;
        }
        long result = 0;
        for (; i < len; i++) {
            char c = v.charAt(i);
            if (c < '0' || c > '9') {
                return missing;
            }
            result = result * 10 + (c - '0');
        }
        return negative ? -result : result;
    }

    /** A copy as an ordered map (last value wins), for display and tests. */
    public Map<String, String> asMap() {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < size; i++) {
            map.put(keys[i], values[i]);
        }
        return map;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof RecordFields)) {
            return false;
        }
        RecordFields other = (RecordFields) o;
        return size == other.size
                && Arrays.equals(keys, 0, size, other.keys, 0, size)
                && Arrays.equals(values, 0, size, other.values, 0, size);
    }

    @Override
    public int hashCode() {
        int h = size;
        for (int i = 0; i < size; i++) {
            h = 31 * h + keys[i].hashCode();
            h = 31 * h + values[i].hashCode();
        }
        return h;
    }

    @Override
    public String toString() {
        return asMap().toString();
    }
}
