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

    private final short[][] codeSlots = new short[SIZE][];
    private final String[][] keySlots = new String[SIZE][];
    private final byte[][] formSlots = new byte[SIZE][];
    private final short[][] positionSlots = new short[SIZE][];
    private String[] keys;
    private byte[] forms;
    private short[] positions;

    /**
     * A field's key and form in one number, as the parser keeps them: the key's {@link AuditKeys}
     * table slot (under 1,024) and the form's ordinal (under 4); negative for a key the table does
     * not know ({@code keySlot} -1). Records of one layout have the same codes, so a layout is
     * compared as one array of shorts rather than key by key and form by form.
     */
    static short code(int keySlot, byte form) {
        return (short) ((keySlot << 2) | form);
    }

    /**
     * Finds or keeps the layout of the fields {@code codes[0, count)} (see {@link #code}), whose
     * keys unknown to the key table are in {@code unknownKeys} at their places; see {@link #keys()}.
     * {@code hash} is any hash of the codes that equal layouts share (the parser builds it as it
     * reads the keys). A layout with an unknown key is made anew each time and not kept: its key
     * strings are new with every record, and such records are rare.
     */
    void share(short[] codes, String[] unknownKeys, int count, boolean hasUnknownKey, int hash) {
        int slot = (hash ^ (hash >>> 7) ^ (hash >>> 17)) & (SIZE - 1);
        short[] cached = codeSlots[slot];
        if (!hasUnknownKey && cached != null && cached.length == count
                && Arrays.equals(cached, 0, count, codes, 0, count)) {
            keys = keySlots[slot];
            forms = formSlots[slot];
            positions = positionSlots[slot];
            return;
        }
        keys = new String[count];
        forms = new byte[count];
        for (int i = 0; i < count; i++) {
            int code = codes[i];
            keys[i] = code < 0 ? unknownKeys[i] : AuditKeys.keyAt(code >> 2);
            forms[i] = (byte) (code & 3);
        }
        positions = RecordFields.positionsOf(keys, count);
        if (!hasUnknownKey) {
            codeSlots[slot] = Arrays.copyOf(codes, count);
            keySlots[slot] = keys;
            formSlots[slot] = forms;
            positionSlots[slot] = positions;
        }
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
}
