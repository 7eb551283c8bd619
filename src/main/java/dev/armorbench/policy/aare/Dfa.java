package dev.armorbench.policy.aare;

import java.util.Arrays;

/**
 * A complete DFA over bytes whose states can all still accept, except one dead state, with bytes grouped into classes that every transition treats
 * alike. Matching walks one table lookup per byte and allocates nothing; language inclusion and
 * overlap walk the product of two DFAs.
 */
final class Dfa {

    /** Product walks that would visit more state pairs than this give up (conservatively). */
    static final int MAX_PRODUCT_PAIRS = 1 << 20;

    private final int[] classOf;
    private final int classes;
    private final int[] next;
    private final boolean[] accept;
    private final int start;
    /** The one state from which nothing is accepted, or -1 when every state can still accept. */
    private final int dead;
    /** The bytes at which the class changes, ascending, starting with 0. */
    private final int[] classBoundaries;

    private Dfa(int[] classOf, int classes, int[] next, boolean[] accept, int start) {
        this.classOf = classOf;
        this.classes = classes;
        this.next = next;
        this.accept = accept;
        this.start = start;
        int d = -1;
        for (int s = 0; s < accept.length && d < 0; s++) {
            if (!accept[s]) {
                boolean selfOnly = true;
                for (int c = 0; c < classes; c++) {
                    if (next[s * classes + c] != s) {
                        selfOnly = false;
                        break;
                    }
                }
                if (selfOnly) {
                    d = s;
                }
            }
        }
        this.dead = d;
        int count = 1;
        for (int b = 1; b < 256; b++) {
            if (classOf[b] != classOf[b - 1]) {
                count++;
            }
        }
        int[] bounds = new int[count];
        int k = 1;
        for (int b = 1; b < 256; b++) {
            if (classOf[b] != classOf[b - 1]) {
                bounds[k++] = b;
            }
        }
        this.classBoundaries = bounds;
    }

    /**
     * Merges every state from which no accepting state can be reached into one dead state. The
     * result need not be minimal, but every state other than the dead one accepts some string,
     * which is all that matching, coverage and the prefix walk rely on.
     */
    static Dfa trimmed(int[] classOf, int classes, int[] next, boolean[] accept, int start) {
        int n = accept.length;
        int edges = n * classes;
        int[] predCount = new int[n + 1];
        for (int e = 0; e < edges; e++) {
            predCount[next[e] + 1]++;
        }
        for (int s = 0; s < n; s++) {
            predCount[s + 1] += predCount[s];
        }
        int[] pred = new int[edges];
        int[] fill = java.util.Arrays.copyOf(predCount, n);
        for (int e = 0; e < edges; e++) {
            pred[fill[next[e]]++] = e / classes;
        }
        boolean[] live = new boolean[n];
        int[] stack = new int[n];
        int top = 0;
        for (int s = 0; s < n; s++) {
            if (accept[s]) {
                live[s] = true;
                stack[top++] = s;
            }
        }
        while (top > 0) {
            int t = stack[--top];
            for (int k = predCount[t]; k < predCount[t + 1]; k++) {
                int s = pred[k];
                if (!live[s]) {
                    live[s] = true;
                    stack[top++] = s;
                }
            }
        }
        int[] id = new int[n];
        int count = 0;
        for (int s = 0; s < n; s++) {
            id[s] = live[s] ? count++ : -1;
        }
        int dead = count;
        boolean anyDead = count < n;
        int total = anyDead ? count + 1 : count;
        int[] tNext = new int[total * classes];
        boolean[] tAccept = new boolean[total];
        for (int s = 0; s < n; s++) {
            if (!live[s]) {
                continue;
            }
            tAccept[id[s]] = accept[s];
            for (int c = 0; c < classes; c++) {
                int t = next[s * classes + c];
                tNext[id[s] * classes + c] = live[t] ? id[t] : dead;
            }
        }
        if (anyDead) {
            for (int c = 0; c < classes; c++) {
                tNext[dead * classes + c] = dead;
            }
        }
        return new Dfa(classOf, classes, tNext, tAccept, live[start] ? id[start] : dead);
    }

    int stateCount() {
        return accept.length;
    }

    private int step(int state, int b) {
        return next[state * classes + classOf[b]];
    }

    boolean matches(byte[] input) {
        int s = start;
        for (byte value : input) {
            s = next[s * classes + classOf[value & 0xFF]];
            if (s == dead) {
                return false;
            }
        }
        return accept[s];
    }

    /** Matches the WTF-8 bytes of {@code input} without building them. */
    boolean matches(CharSequence input) {
        int s = start;
        int n = input.length();
        final int[] table = next;
        final int[] cls = classOf;
        final int k = classes;
        final int d = dead;
        for (int i = 0; i < n; i++) {
            char c = input.charAt(i);
            if (c < 0x80) {
                s = table[s * k + cls[c]];
            } else if (c < 0x800) {
                s = table[s * k + cls[0xC0 | (c >> 6)]];
                if (s == d) {
                    return false;
                }
                s = table[s * k + cls[0x80 | (c & 0x3F)]];
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(input.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, input.charAt(++i));
                s = table[s * k + cls[0xF0 | (cp >> 18)]];
                if (s == d) {
                    return false;
                }
                s = table[s * k + cls[0x80 | ((cp >> 12) & 0x3F)]];
                if (s == d) {
                    return false;
                }
                s = table[s * k + cls[0x80 | ((cp >> 6) & 0x3F)]];
                if (s == d) {
                    return false;
                }
                s = table[s * k + cls[0x80 | (cp & 0x3F)]];
            } else {
                s = table[s * k + cls[0xE0 | (c >> 12)]];
                if (s == d) {
                    return false;
                }
                s = table[s * k + cls[0x80 | ((c >> 6) & 0x3F)]];
                if (s == d) {
                    return false;
                }
                s = table[s * k + cls[0x80 | (c & 0x3F)]];
            }
            if (s == d) {
                return false;
            }
        }
        return accept[s];
    }

    boolean isEmptyLanguage() {
        return start == dead;
    }

    /**
     * The bytes every matched string starts with: follows the single way out of each state until a
     * state accepts or branches. When the walk ends in an accepting state with no way out, the
     * pattern matches exactly that one string ({@link Prefix#whole()}).
     */
    Prefix commonPrefix() {
        byte[] bytes = new byte[16];
        int len = 0;
        int s = start;
        if (s == dead) {
            return new Prefix(new byte[0], false);
        }
        for (int steps = 0; steps <= accept.length; steps++) {
            int onlyClass = -1;
            boolean branches = false;
            for (int c = 0; c < classes; c++) {
                int t = next[s * classes + c];
                if (t != dead) {
                    if (onlyClass >= 0) {
                        branches = true;
                        break;
                    }
                    onlyClass = c;
                }
            }
            if (accept[s]) {
                return new Prefix(Arrays.copyOf(bytes, len), onlyClass < 0);
            }
            if (branches || onlyClass < 0) {
                break;
            }
            int only = -1;
            for (int b = 0; b < 256; b++) {
                if (classOf[b] == onlyClass) {
                    if (only >= 0) {
                        return new Prefix(Arrays.copyOf(bytes, len), false);
                    }
                    only = b;
                }
            }
            if (len == bytes.length) {
                bytes = Arrays.copyOf(bytes, len * 2);
            }
            bytes[len++] = (byte) only;
            s = next[s * classes + onlyClass];
        }
        return new Prefix(Arrays.copyOf(bytes, len), false);
    }

    /** A common byte prefix; {@code whole} when it is the only string matched. */
    record Prefix(byte[] bytes, boolean whole) {
    }

    /**
     * Whether every string {@code other} accepts, this accepts too.
     *
     * @return {@code TRUE}/{@code FALSE}, or {@code null} when the product grew past its bound
     */
    Boolean includes(Dfa other) {
        return walkProduct(other, other.start, start, true);
    }

    /**
     * {@link #includes} for the case where every string of {@code other} starts with {@code prefix}:
     * both automata first read the prefix, and only the rest is compared.
     */
    Boolean includesAfter(Dfa other, byte[] prefix) {
        int a = other.run(other.start, prefix);
        int b = run(start, prefix);
        if (a == other.dead) {
            return true;
        }
        if (b == dead) {
            return false;
        }
        return walkProduct(other, a, b, true);
    }

    private int run(int state, byte[] bytes) {
        int s = state;
        for (byte value : bytes) {
            s = next[s * classes + classOf[value & 0xFF]];
        }
        return s;
    }

    /** Whether some string is accepted by both; {@code null} when the walk grew past its bound. */
    Boolean intersects(Dfa other) {
        Boolean disjoint = walkProduct(other, other.start, start, false);
        return disjoint == null ? null : !disjoint;
    }

    /**
     * A shortest string both accept, or null when there is none or the walk grew past its bound.
     * Where a byte class allows it the string is spelt with a letter or digit, so it reads as a
     * path a user would recognise.
     */
    byte[] commonString(Dfa other) {
        int[] reps = readableRepresentatives(other);
        int width = accept.length;
        java.util.HashMap<Long, Integer> seen = new java.util.HashMap<>();
        int[] stateA = new int[32];
        int[] stateB = new int[32];
        int[] parent = new int[32];
        byte[] via = new byte[32];
        stateA[0] = other.start;
        stateB[0] = start;
        parent[0] = -1;
        seen.put((long) other.start * width + start, 0);
        int size = 1;
        for (int head = 0; head < size; head++) {
            int a = stateA[head];
            int b = stateB[head];
            if (a == other.dead || b == dead) {
                continue;
            }
            if (other.accept[a] && accept[b]) {
                int length = 0;
                for (int n = head; parent[n] >= 0; n = parent[n]) {
                    length++;
                }
                byte[] out = new byte[length];
                for (int n = head; parent[n] >= 0; n = parent[n]) {
                    out[--length] = via[n];
                }
                return out;
            }
            for (int rep : reps) {
                int na = other.step(a, rep);
                int nb = step(b, rep);
                if (seen.putIfAbsent((long) na * width + nb, size) != null) {
                    continue;
                }
                if (size >= MAX_PRODUCT_PAIRS) {
                    return null;
                }
                if (size == stateA.length) {
                    stateA = Arrays.copyOf(stateA, size * 2);
                    stateB = Arrays.copyOf(stateB, size * 2);
                    parent = Arrays.copyOf(parent, size * 2);
                    via = Arrays.copyOf(via, size * 2);
                }
                stateA[size] = na;
                stateB[size] = nb;
                parent[size] = head;
                via[size] = (byte) rep;
                size++;
            }
        }
        return null;
    }

    /**
     * {@link #mergedRepresentatives}, each moved to the most readable byte of its interval, and
     * the most readable first (a lower-case letter, a digit, an upper-case letter, other printable
     * ASCII, the rest), so that of the shortest strings the walk finds the most readable one.
     */
    private int[] readableRepresentatives(Dfa other) {
        int[] starts = mergedRepresentatives(other);
        Integer[] out = new Integer[starts.length];
        for (int i = 0; i < starts.length; i++) {
            int from = starts[i];
            int to = i + 1 < starts.length ? starts[i + 1] : 256;
            out[i] = readableByte(from, to);
        }
        Arrays.sort(out, java.util.Comparator.comparingInt(Dfa::readability));
        return Arrays.stream(out).mapToInt(Integer::intValue).toArray();
    }

    private static final int[][] READABLE = {{'a', 'z'}, {'0', '9'}, {'A', 'Z'}, {'!', '~'}};

    private static int readableByte(int from, int to) {
        for (int[] range : READABLE) {
            int low = Math.max(from, range[0]);
            if (low <= Math.min(to - 1, range[1])) {
                return low;
            }
        }
        return from;
    }

    /** The rank of a byte in {@link #READABLE}: lower reads better. */
    private static int readability(int b) {
        for (int rank = 0; rank < READABLE.length; rank++) {
            if (b >= READABLE[rank][0] && b <= READABLE[rank][1]) {
                return rank;
            }
        }
        return READABLE.length;
    }

    /**
     * Walks the reachable pairs (state of {@code other}, state of this). For inclusion, fails on a pair
     * where other accepts and this does not, or where this is dead and other is not (every state
     * that is not dead can still accept). For disjointness, fails on a pair where both accept.
     */
    private Boolean walkProduct(Dfa other, int a0, int b0, boolean inclusion) {
        int[] reps = mergedRepresentatives(other);
        int width = accept.length;
        long pairs = (long) other.accept.length * width;
        boolean small = pairs <= 1 << 16;
        long[] seenBits = small ? new long[(int) ((pairs + 63) >>> 6)] : null;
        java.util.HashSet<Long> seenLarge = small ? null : new java.util.HashSet<>();
        int[] queue = new int[32];
        int head = 0;
        int tail = 0;
        long first = (long) a0 * width + b0;
        if (small) {
            seenBits[(int) (first >>> 6)] |= 1L << (first & 63);
        } else {
            seenLarge.add(first);
        }
        queue[tail++] = a0;
        queue[tail++] = b0;
        int visited = 1;
        while (head < tail) {
            int a = queue[head++];
            int b = queue[head++];
            if (inclusion) {
                if (a == other.dead) {
                    continue;
                }
                if (b == dead || (other.accept[a] && !accept[b])) {
                    return false;
                }
            } else {
                if (a == other.dead || b == dead) {
                    continue;
                }
                if (other.accept[a] && accept[b]) {
                    return false;
                }
            }
            for (int rep : reps) {
                int na = other.step(a, rep);
                int nb = step(b, rep);
                long key = (long) na * width + nb;
                boolean fresh;
                if (small) {
                    int word = (int) (key >>> 6);
                    long bit = 1L << (key & 63);
                    fresh = (seenBits[word] & bit) == 0;
                    seenBits[word] |= bit;
                } else {
                    fresh = seenLarge.add(key);
                }
                if (fresh) {
                    if (++visited > MAX_PRODUCT_PAIRS) {
                        return null;
                    }
                    if (tail + 2 > queue.length) {
                        if (head > queue.length / 2) {
                            System.arraycopy(queue, head, queue, 0, tail - head);
                            tail -= head;
                            head = 0;
                        } else {
                            queue = Arrays.copyOf(queue, queue.length * 2);
                        }
                    }
                    queue[tail++] = na;
                    queue[tail++] = nb;
                }
            }
        }
        return true;
    }

    /** One byte from each interval on which both DFAs' byte classes are constant. */
    private int[] mergedRepresentatives(Dfa other) {
        int[] x = classBoundaries;
        int[] y = other.classBoundaries;
        int[] out = new int[x.length + y.length];
        int i = 0;
        int j = 0;
        int n = 0;
        while (i < x.length || j < y.length) {
            int v;
            if (j >= y.length || (i < x.length && x[i] < y[j])) {
                v = x[i++];
            } else if (i >= x.length || y[j] < x[i]) {
                v = y[j++];
            } else {
                v = x[i++];
                j++;
            }
            out[n++] = v;
        }
        return n == out.length ? out : Arrays.copyOf(out, n);
    }
}
