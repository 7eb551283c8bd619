package dev.armorbench.audit;

/**
 * A small cache that hands out one string per distinct value of the keys with few values
 * ({@code operation="open"}, {@code profile="docker-default"}): fewer allocations while reading,
 * less memory when events are kept, and hash codes computed once. Bounded: a new value replaces
 * whatever shared its slot.
 */
final class SharedValues {
    private static final int SIZE = 4096;
    private static final int MAX_LENGTH = 128;

    private final String[] slots = new String[SIZE];
    private final int[] hashes = new int[SIZE];

    /** The string for {@code line[start, end)}, whose String hash is {@code hash}. */
    String share(String line, int start, int end, int hash) {
        int length = end - start;
        if (length > MAX_LENGTH) {
            return line.substring(start, end);
        }
        int slot = (hash ^ (hash >>> 12)) & (SIZE - 1);
        String cached = slots[slot];
        if (cached != null && hashes[slot] == hash && cached.length() == length && line.startsWith(cached, start)) {
            return cached;
        }
        String value = line.substring(start, end);
        slots[slot] = value;
        hashes[slot] = hash;
        return value;
    }
}
