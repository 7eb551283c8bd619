package dev.armorbench.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntBinaryOperator;

/**
 * How much faster or slower the log line parser of this build is than the one of another build,
 * measured side by side in one JVM.
 *
 * <p>On a shared virtual machine two runs of the same code can differ by a third, so two builds
 * timed one after the other cannot show a change of a few percent. Here both parsers live in one
 * JVM, each in its own class loader (this build's {@code target/classes}, and a baseline's, such as
 * a {@code git worktree} of an older commit compiled on its own), and take turns on slices of
 * 20,000 lines of the benchmark's 1,000,000-line log held in memory: a slow minute of the host
 * slows both alike. It prints the time of each round and the ratio, baseline over this build
 * (above 1: this build is faster). The same code against itself gave medians of 0.91 to 1.06 in
 * eight runs over two days (the compiler does not treat the two copies alike), so one run cannot
 * show a change of less than about 10%: repeat it, and trust only what the repeats agree on.
 *
 * <p>Run, with a baseline built from commit REV:
 * <pre>
 * git worktree add /tmp/baseline REV &amp;&amp; (cd /tmp/baseline &amp;&amp; ./mvnw -q -o compile)
 * ./mvnw -q test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.armorbench.bench.ParserSideBySide -Dexec.args="/tmp/baseline/target/classes"
 * </pre>
 */
public final class ParserSideBySide {
    private static final int LINES = 1_000_000;
    private static final int SLICE = 20_000;
    private static final int ROUNDS = 12;
    /** Rounds left out of the ratio while the JIT compiles both parsers. */
    private static final int WARM_UP_ROUNDS = 2;

    private ParserSideBySide() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: ParserSideBySide BASELINE_CLASSES_DIR (a build's target/classes)");
            System.exit(2);
        }
        Path baseline = Path.of(args[0]).toAbsolutePath();
        Path current = Path.of("target/classes").toAbsolutePath();
        List<String> seeds = CorpusLogLines.readOrExit();
        Path log = Files.createTempFile("armorbench-side-by-side-", ".log");
        byte[] bytes;
        try {
            LogReadBenchmark.buildLog(seeds, LINES, log);
            bytes = Files.readAllBytes(log);
        } finally {
            Files.deleteIfExists(log);
        }
        int[] ends = lineEnds(bytes);
        IntBinaryOperator mine = parserFrom(current, bytes, ends);
        IntBinaryOperator theirs = parserFrom(baseline, bytes, ends);
        int myEvents = mine.applyAsInt(0, ends.length);
        int theirEvents = theirs.applyAsInt(0, ends.length);
        System.out.printf("%,d lines in memory; this build reads %,d events, the baseline %,d%n", ends.length, myEvents,
                theirEvents);

        List<Double> ratios = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            long[] nanos = new long[2];
            for (int from = 0, slice = 0; from < ends.length; from += SLICE, slice++) {
                int to = Math.min(ends.length, from + SLICE);
                // Alternate which goes first, so neither always parses right after the other.
                boolean mineFirst = (slice & 1) == 0;
                nanos[mineFirst ? 0 : 1] += time(mineFirst ? mine : theirs, from, to);
                nanos[mineFirst ? 1 : 0] += time(mineFirst ? theirs : mine, from, to);
            }
            double ratio = (double) nanos[1] / nanos[0];
            System.out.printf("round %2d: this build %.3f s, baseline %.3f s, baseline/this %.3f%s%n", round + 1,
                    nanos[0] / 1e9, nanos[1] / 1e9, ratio, round < WARM_UP_ROUNDS ? " (warm-up)" : "");
            if (round >= WARM_UP_ROUNDS) {
                ratios.add(ratio);
            }
        }
        System.out.printf("baseline/this build: %s over %d rounds (above 1: this build is faster)%n",
                SideBySideRatios.medianAndQuartiles(ratios), ratios.size());
    }

    private static long time(IntBinaryOperator parser, int from, int to) {
        long start = System.nanoTime();
        parser.applyAsInt(from, to);
        return System.nanoTime() - start;
    }

    /** Where each line of {@code bytes} ends. */
    private static int[] lineEnds(byte[] bytes) {
        int[] ends = new int[LINES + 1];
        int count = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                if (count == ends.length) {
                    ends = Arrays.copyOf(ends, count * 2);
                }
                ends[count++] = i;
            }
        }
        return Arrays.copyOf(ends, count);
    }

    /** A {@link SliceParser} whose parser is the one in {@code classes} (see {@link BuildLoader}). */
    private static IntBinaryOperator parserFrom(Path classes, byte[] bytes, int[] ends) throws Exception {
        return BuildLoader.instance(classes, SliceParser.class, IntBinaryOperator.class,
                new Class<?>[] {byte[].class, int[].class}, bytes, ends);
    }

    /** Parses lines {@code [from, to)} of the log with the parser of the loader that defined it; returns the events. */
    static final class SliceParser implements IntBinaryOperator {
        private final dev.armorbench.audit.LogLineParser parser = new dev.armorbench.audit.LogLineParser();
        private final byte[] bytes;
        private final int[] ends;

        SliceParser(byte[] bytes, int[] ends) {
            this.bytes = bytes;
            this.ends = ends;
        }

        @Override
        public int applyAsInt(int from, int to) {
            int events = 0;
            for (int i = from; i < to; i++) {
                int start = i == 0 ? 0 : ends[i - 1] + 1;
                if (parser.parseEvent(bytes, start, ends[i] - start, "log", i + 1) != null) {
                    events++;
                }
            }
            return events;
        }
    }
}
