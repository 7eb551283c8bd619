package dev.armorbench.policy.syntax;

import java.util.Arrays;

/** The tokens of a text as parallel arrays: no object per token on the hot path. */
public final class Tokens {
    private static final TokenKind[] KINDS = TokenKind.values();
    private byte[] kinds = new byte[256];
    private int[] starts = new int[257];
    private int size;

    void add(TokenKind kind, int start, int end) {
        if (size + 1 >= kinds.length) {
            kinds = Arrays.copyOf(kinds, kinds.length * 2);
            starts = Arrays.copyOf(starts, starts.length * 2 + 1);
        }
        kinds[size] = (byte) kind.ordinal();
        starts[size] = start;
        starts[size + 1] = end;
        size++;
    }

    public int size() {
        return size;
    }

    public TokenKind kind(int index) {
        return KINDS[kinds[index]];
    }

    public int start(int index) {
        return starts[index];
    }

    public int end(int index) {
        return starts[index + 1];
    }
}
