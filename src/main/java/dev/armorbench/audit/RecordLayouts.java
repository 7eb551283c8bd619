package dev.armorbench.audit;

import java.util.Arrays;

/**
 * The records of one log repeat a few layouts: the same keys in the same order, written the same
 * way ({@code apparmor operation profile name pid comm requested_mask …}). This hands out one
 * shared copy of the key and form arrays per layout instead of a new pair per record, which was a
 * fifth of what reading allocated. The arrays handed out are never written again.
 */
final class RecordLayouts {
    /** Room for a few hundred layouts (a mixed log has that many): a miss costs a copy and a positions table. */
    private static final int SIZE = 512;

    private final String[][] keySlots = new String[SIZE][];
    private final byte[][] formSlots = new byte[SIZE][];
    private final short[][] positionSlots = new short[SIZE][];
    private String[] keys;
    private byte[] forms;
    private short[] positions;

    /**
     * Finds or keeps the layout of {@code keys[0, count)} and {@code forms[0, count)}; see {@link
     * #keys()}. {@code hash} is any hash of the keys and forms that equal layouts share (the parser
     * builds it as it reads the keys).
     */
    void share(String[] scratchKeys, byte[] scratchForms, int count, int hash) {
        int slot = (hash ^ (hash >>> 7) ^ (hash >>> 17)) & (SIZE - 1);
        String[] cachedKeys = keySlots[slot];
        byte[] cachedForms = formSlots[slot];
        if (cachedKeys != null && cachedKeys.length == count && sameKeys(cachedKeys, scratchKeys, count)
                && Arrays.equals(cachedForms, 0, count, scratchForms, 0, count)) {
            keys = cachedKeys;
            forms = cachedForms;
            positions = positionSlots[slot];
            return;
        }
        keys = Arrays.copyOf(scratchKeys, count);
        forms = Arrays.copyOf(scratchForms, count);
        positions = RecordFields.positionsOf(keys, count);
        keySlots[slot] = keys;
        formSlots[slot] = forms;
        positionSlots[slot] = positions;
    }

    /** Where the last {@link #share} call's keys are (see {@link RecordFields}), worked out once per layout. */
    short[] positions() {
        return positions;
    }

    /** The shared keys of the last {@link #share} call, exactly {@code count} long. */
    String[] keys() {
        return keys;
    }

    /** The shared forms of the last {@link #share} call, exactly {@code count} long. */
    byte[] forms() {
        return forms;
    }

    /** Same key objects: the parser's keys are shared constants, so this is the cheap test that matters. */
    private static boolean sameKeys(String[] a, String[] b, int count) {
        for (int i = 0; i < count; i++) {
            if (a[i] != b[i]) {
                return false;
            }
        }
        return true;
    }
}
