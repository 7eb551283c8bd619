package dev.armorbench.policy.aare;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The position (Glushkov) automaton of a {@link RegexNode} tree — the same construction the
 * reference's {@code expr-tree} uses: one position per byte set in the tree, "follow" sets between
 * positions, and an end marker. It is the NFA that {@link #toDfa} determinises, and it can match on
 * its own when the DFA would be too large.
 */
final class PositionAutomaton {

    private final List<RegexNode.ByteSet> leaves = new ArrayList<>();
    private final List<BitSet> follow = new ArrayList<>();
    private final BitSet first;
    private final int end;

    /** Thrown by {@link #toDfa} when the DFA would exceed its state limit. */
    static final class TooLarge extends Exception {
        TooLarge() {
            super(null, null, false, false);
        }
    }

    private record Info(boolean nullable, BitSet first, BitSet last) {
    }

    PositionAutomaton(RegexNode root) {
        Info info = walk(root);
        end = leaves.size();
        follow.add(new BitSet());
        BitSet f = (BitSet) info.first().clone();
        if (info.nullable()) {
            f.set(end);
        }
        for (int p = info.last().nextSetBit(0); p >= 0; p = info.last().nextSetBit(p + 1)) {
            follow.get(p).set(end);
        }
        first = f;
    }

    private Info walk(RegexNode node) {
        if (node instanceof RegexNode.ByteSet set) {
            int p = leaves.size();
            leaves.add(set);
            follow.add(new BitSet());
            BitSet only = new BitSet();
            only.set(p);
            return new Info(false, only, only);
        }
        if (node instanceof RegexNode.Empty) {
            return new Info(true, new BitSet(), new BitSet());
        }
        if (node instanceof RegexNode.Concat cat) {
            boolean nullable = true;
            BitSet f = new BitSet();
            BitSet l = new BitSet();
            for (RegexNode part : cat.parts()) {
                Info i = walk(part);
                for (int p = l.nextSetBit(0); p >= 0; p = l.nextSetBit(p + 1)) {
                    follow.get(p).or(i.first());
                }
                if (nullable) {
                    f.or(i.first());
                }
                if (i.nullable()) {
                    l.or(i.last());
                } else {
                    l = (BitSet) i.last().clone();
                }
                nullable &= i.nullable();
            }
            return new Info(nullable, f, l);
        }
        if (node instanceof RegexNode.Alternation alt) {
            boolean nullable = false;
            BitSet f = new BitSet();
            BitSet l = new BitSet();
            for (RegexNode choice : alt.choices()) {
                Info i = walk(choice);
                nullable |= i.nullable();
                f.or(i.first());
                l.or(i.last());
            }
            return new Info(nullable, f, l);
        }
        RegexNode inner = node instanceof RegexNode.Star star ? star.inner() : ((RegexNode.Plus) node).inner();
        Info i = walk(inner);
        for (int p = i.last().nextSetBit(0); p >= 0; p = i.last().nextSetBit(p + 1)) {
            follow.get(p).or(i.first());
        }
        return new Info(node instanceof RegexNode.Star || i.nullable(), i.first(), i.last());
    }

    /** Direct NFA simulation; allocates, so only used for patterns whose DFA is too large. */
    boolean matches(byte[] input) {
        BitSet cur = first;
        for (byte value : input) {
            int b = value & 0xFF;
            BitSet next = new BitSet();
            for (int p = cur.nextSetBit(0); p >= 0; p = cur.nextSetBit(p + 1)) {
                if (p != end && leaves.get(p).contains(b)) {
                    next.or(follow.get(p));
                }
            }
            if (next.isEmpty()) {
                return false;
            }
            cur = next;
        }
        return cur.get(end);
    }

    /** Subset construction over byte classes, then trimming of the states that cannot accept. */
    Dfa toDfa(int maxStates) throws TooLarge {
        int[] classOf = byteClasses();
        int classes = 0;
        for (int c : classOf) {
            classes = Math.max(classes, c + 1);
        }
        int[] representative = new int[classes];
        java.util.Arrays.fill(representative, -1);
        for (int b = 0; b < 256; b++) {
            if (representative[classOf[b]] < 0) {
                representative[classOf[b]] = b;
            }
        }
        BitSet[] positionsOfClass = new BitSet[classes];
        for (int c = 0; c < classes; c++) {
            positionsOfClass[c] = new BitSet();
            for (int p = 0; p < end; p++) {
                if (leaves.get(p).contains(representative[c])) {
                    positionsOfClass[c].set(p);
                }
            }
        }
        if (end < 64) {
            return toDfaSmall(classOf, classes, positionsOfClass, maxStates);
        }
        Map<BitSet, Integer> ids = new HashMap<>();
        List<BitSet> states = new ArrayList<>();
        ids.put(first, 0);
        states.add(first);
        int[] next = new int[64 * classes];
        for (int s = 0; s < states.size(); s++) {
            BitSet state = states.get(s);
            for (int c = 0; c < classes; c++) {
                BitSet target = new BitSet();
                BitSet live = (BitSet) state.clone();
                live.and(positionsOfClass[c]);
                for (int p = live.nextSetBit(0); p >= 0; p = live.nextSetBit(p + 1)) {
                    target.or(follow.get(p));
                }
                Integer id = ids.get(target);
                if (id == null) {
                    if (states.size() >= maxStates) {
                        throw new TooLarge();
                    }
                    id = states.size();
                    ids.put(target, id);
                    states.add(target);
                }
                int slot = s * classes + c;
                if (slot >= next.length) {
                    next = java.util.Arrays.copyOf(next, next.length * 2);
                }
                next[slot] = id;
            }
        }
        boolean[] accept = new boolean[states.size()];
        for (int s = 0; s < accept.length; s++) {
            accept[s] = states.get(s).get(end);
        }
        return Dfa.trimmed(classOf, classes, java.util.Arrays.copyOf(next, states.size() * classes), accept, 0);
    }

    /** The same subset construction with each set of (fewer than 64) positions held in one long. */
    private Dfa toDfaSmall(int[] classOf, int classes, BitSet[] positionsOfClass, int maxStates) throws TooLarge {
        long[] followMask = new long[end + 1];
        for (int p = 0; p <= end; p++) {
            followMask[p] = follow.get(p).isEmpty() ? 0 : follow.get(p).toLongArray()[0];
        }
        long[] classMask = new long[classes];
        for (int c = 0; c < classes; c++) {
            classMask[c] = positionsOfClass[c].isEmpty() ? 0 : positionsOfClass[c].toLongArray()[0];
        }
        long endBit = 1L << end;
        long[] states = new long[16];
        LongIndex ids = new LongIndex();
        long firstMask = first.isEmpty() ? 0 : first.toLongArray()[0];
        states[0] = firstMask;
        ids.put(firstMask, 0);
        int count = 1;
        int[] next = new int[16 * classes];
        for (int s = 0; s < count; s++) {
            long state = states[s];
            for (int c = 0; c < classes; c++) {
                long live = state & classMask[c];
                long target = 0;
                while (live != 0) {
                    int p = Long.numberOfTrailingZeros(live);
                    live &= live - 1;
                    target |= followMask[p];
                }
                int id = ids.get(target);
                if (id < 0) {
                    if (count >= maxStates) {
                        throw new TooLarge();
                    }
                    if (count == states.length) {
                        states = java.util.Arrays.copyOf(states, count * 2);
                    }
                    id = count++;
                    states[id] = target;
                    ids.put(target, id);
                }
                int slot = s * classes + c;
                if (slot >= next.length) {
                    next = java.util.Arrays.copyOf(next, next.length * 2);
                }
                next[slot] = id;
            }
        }
        boolean[] accept = new boolean[count];
        for (int s = 0; s < count; s++) {
            accept[s] = (states[s] & endBit) != 0;
        }
        return Dfa.trimmed(classOf, classes, java.util.Arrays.copyOf(next, count * classes), accept, 0);
    }

    /** Open-addressing map from a position mask to a state number. */
    private static final class LongIndex {
        private long[] keys = new long[64];
        private int[] values = new int[64];
        private boolean[] used = new boolean[64];
        private int size;

        int get(long key) {
            int mask = keys.length - 1;
            for (int i = mix(key) & mask; used[i]; i = (i + 1) & mask) {
                if (keys[i] == key) {
                    return values[i];
                }
            }
            return -1;
        }

        void put(long key, int value) {
            if ((size + 1) * 2 > keys.length) {
                long[] oldKeys = keys;
                int[] oldValues = values;
                boolean[] oldUsed = used;
                keys = new long[oldKeys.length * 2];
                values = new int[oldKeys.length * 2];
                used = new boolean[oldKeys.length * 2];
                size = 0;
                for (int i = 0; i < oldKeys.length; i++) {
                    if (oldUsed[i]) {
                        put(oldKeys[i], oldValues[i]);
                    }
                }
            }
            int mask = keys.length - 1;
            int i = mix(key) & mask;
            while (used[i] && keys[i] != key) {
                i = (i + 1) & mask;
            }
            if (!used[i]) {
                size++;
            }
            used[i] = true;
            keys[i] = key;
            values[i] = value;
        }

        private static int mix(long key) {
            long h = key * 0x9E3779B97F4A7C15L;
            return (int) (h ^ (h >>> 32));
        }
    }

    /** Partition of the 256 byte values such that every position's set is a union of classes. */
    private int[] byteClasses() {
        int[] classOf = new int[256];
        int classes = 1;
        int[] renumber = new int[512];
        for (RegexNode.ByteSet leaf : leaves) {
            java.util.Arrays.fill(renumber, 0, classes * 2, -1);
            int fresh = 0;
            for (int b = 0; b < 256; b++) {
                int key = classOf[b] * 2 + (leaf.contains(b) ? 1 : 0);
                if (renumber[key] < 0) {
                    renumber[key] = fresh++;
                }
                classOf[b] = renumber[key];
            }
            classes = fresh;
        }
        return classOf;
    }
}
