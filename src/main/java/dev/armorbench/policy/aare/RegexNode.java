package dev.armorbench.policy.aare;

import java.util.List;

/** The tree of apparmor_parser's regex dialect, over bytes. */
sealed interface RegexNode {

    /** One byte out of a set: {@code bits} holds 256 bits in four longs. */
    record ByteSet(long[] bits) implements RegexNode {
        static ByteSet of(int b) {
            long[] bits = new long[4];
            bits[b >> 6] |= 1L << (b & 63);
            return new ByteSet(bits);
        }

        boolean contains(int b) {
            return (bits[b >> 6] & (1L << (b & 63))) != 0;
        }
    }

    /** The empty string. */
    record Empty() implements RegexNode {
    }

    record Concat(List<RegexNode> parts) implements RegexNode {
    }

    record Alternation(List<RegexNode> choices) implements RegexNode {
    }

    /** Zero or more. */
    record Star(RegexNode inner) implements RegexNode {
    }

    /** One or more. */
    record Plus(RegexNode inner) implements RegexNode {
    }
}
