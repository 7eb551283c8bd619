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
    private static final int SIZE = 4096;
    private static final int MAX_LENGTH = 128;

    private final String[] slots = new String[SIZE];
    private final int[] hashes = new int[SIZE];
    private final byte[][] bytes = new byte[SIZE][];

    /** The string for the ASCII bytes {@code line[start, end)}, whose String hash is {@code hash}. */
    String share(byte[] line, int start, int end, int hash) {
        int length = end - start;
        if (length > MAX_LENGTH) {
            return new String(line, start, length, StandardCharsets.ISO_8859_1);
        }
        int slot = (hash ^ (hash >>> 12)) & (SIZE - 1);
        byte[] cached = bytes[slot];
        if (cached != null && hashes[slot] == hash && cached.length == length && ByteRuns.equal(line, start, cached)) {
            return slots[slot];
        }
        String value = new String(line, start, length, StandardCharsets.ISO_8859_1);
        slots[slot] = value;
        hashes[slot] = hash;
        bytes[slot] = Arrays.copyOfRange(line, start, end);
        return value;
    }
}
