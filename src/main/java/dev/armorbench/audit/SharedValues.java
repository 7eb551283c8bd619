package dev.armorbench.audit;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A small cache that hands out one string per distinct value of the keys with few values
 * ({@code operation="open"}, {@code profile="docker-default"}): fewer allocations while reading,
 * less memory when events are kept, and hash codes computed once. Bounded: a new value replaces
 * whatever shared its slot. Only for ASCII values, which is what the kernel writes unencoded.
 */
final class SharedValues {
    private static final int SLOT_BITS = 12;
    private static final int SIZE = 1 << SLOT_BITS;
    private static final int MAX_LENGTH = 128;

    private final String[] slots = new String[SIZE];
    private final byte[][] bytes = new byte[SIZE][];
    /**
     * Per slot, side by side so one cache line answers a lookup: the value's first word, its last
     * word, and its length (-1 for an empty slot).
     */
    private final long[] keys = new long[SIZE * 3];

    /**
     * {@code seeds}: strings to hand out for their values from the start, such as the literals a
     * reader of the values compares them with: a {@code switch} on a string or {@code equals}
     * answers at once for the same object, where an equal copy is compared byte by byte.
     */
    SharedValues(String... seeds) {
        for (int slot = 0; slot < SIZE; slot++) {
            keys[slot * 3 + 2] = -1;
        }
        for (String seed : seeds) {
            byte[] value = seed.getBytes(StandardCharsets.ISO_8859_1);
            long first = ByteRuns.word(value, 0, Math.min(8, value.length));
            long last = value.length > 8 ? ByteRuns.word(value, value.length - 8, 8) : 0;
            keep(seed, value, 0, value.length, slotOf(first, last, value.length), first, last);
        }
    }

    /**
     * The string already shared for the ASCII bytes {@code line[start, end)} when they are 1 to 16
     * bytes long, or null. The scanner asks this first: it is small enough for the JIT to inline
     * into the scanner, which {@link #share} is not (one of the changes that together cut a line's
     * time by 15–19%: docs/audit-speed-history.md, session 20).
     */
    String known(byte[] line, int start, int end) {
        int length = end - start;
        if (length <= 0 || length > 16) {
            return null;
        }
        long first = ByteRuns.word(line, start, Math.min(8, length));
        long last = length > 8 ? ByteRuns.word(line, end - 8, 8) : 0;
        int slot = slotOf(first, last, length);
        int at = slot * 3;
        return keys[at] == first && keys[at + 1] == last && keys[at + 2] == length ? slots[slot] : null;
    }

    /** The string for the ASCII bytes {@code line[start, end)}. */
    String share(byte[] line, int start, int end) {
        int length = end - start;
        if (length > MAX_LENGTH) {
            return new String(line, start, length, StandardCharsets.ISO_8859_1);
        }
        long first = ByteRuns.word(line, start, Math.min(8, length));
        long last = length > 8 ? ByteRuns.word(line, end - 8, 8) : 0;
        int slot = slotOf(first, last, length);
        int at = slot * 3;
        // Up to 16 bytes, the first and last words cover every byte; longer values are compared
        // between them too.
        if (keys[at] == first && keys[at + 1] == last && keys[at + 2] == length
                && (length <= 16 || ByteRuns.equal(line, start + 8, bytes[slot], 8, length - 16))) {
            return slots[slot];
        }
        return keep(new String(line, start, length, StandardCharsets.ISO_8859_1), line, start, end, slot, first, last);
    }

    /**
     * Shares {@code value}, whose bytes are {@code line[start, end)}, in {@code slot} in place of
     * whatever held it; {@code first} and {@code last} are its words, as {@link #slotOf} took them.
     */
    private String keep(String value, byte[] line, int start, int end, int slot, long first, long last) {
        int length = end - start;
        int at = slot * 3;
        slots[slot] = value;
        keys[at] = first;
        keys[at + 1] = last;
        keys[at + 2] = length;
        bytes[slot] = length > 16 ? Arrays.copyOfRange(line, start, end) : null;
        return value;
    }

    /**
     * Hashed by the first and last eight bytes and the length, not byte by byte. The slot is the
     * top bits of the products, which every byte of a word reaches through the multiply; the low
     * bits see only the low bytes, and values that differ in their last byte ({@code /dev/pts/1},
     * {@code /dev/pts/2}) used to share a slot and push each other out.
     */
    static int slotOf(long first, long last, int length) {
        long mixed = (first ^ length) * 0x9E3779B97F4A7C15L + last * 0xC2B2AE3D27D4EB4FL;
        return (int) (mixed >>> (64 - SLOT_BITS));
    }
}
