package dev.armorbench.bench;

import dev.armorbench.audit.AuditEvent;
import dev.armorbench.audit.LogReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * How much faster or slower the whole log reader of this build is than another build's, measured
 * side by side in one JVM: {@link ParserSideBySide}'s method for what it leaves out, the reading of
 * the file, the finding of lines and the handing on of events between the parsing threads.
 *
 * <p>The two builds' {@link LogReader}s (each in its own {@link BuildLoader}) take turns reading the
 * benchmark's 1,000,000-line log from a file, as {@code LogReader()} does in {@link
 * LogReadBenchmark}: on every core, the calling thread among the parsers. A pass takes about half a
 * second, so a slow minute of the host falls on both alike only roughly; each round's ratio is of
 * one pass each, in alternating order, and the ratio is printed for CPU time (steadier when other
 * work shares the machine) and by the clock. The same build against itself gave medians of 0.96 to
 * 1.03 of CPU time in three runs: repeat a run to trust a change of less than about 5%.
 *
 * <p>Run, with a baseline built from commit REV:
 * <pre>
 * git worktree add /tmp/baseline REV &amp;&amp; (cd /tmp/baseline &amp;&amp; ./mvnw -q -o compile)
 * ./mvnw -q test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.armorbench.bench.ReaderSideBySide -Dexec.args="/tmp/baseline/target/classes"
 * </pre>
 */
public final class ReaderSideBySide {
    private static final int LINES = 1_000_000;
    private static final int ROUNDS = 23;
    /** Rounds left out of the ratio while the JIT compiles both readers. */
    private static final int WARM_UP_ROUNDS = 3;

    private ReaderSideBySide() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: ReaderSideBySide BASELINE_CLASSES_DIR (a build's target/classes)");
            System.exit(2);
        }
        List<String> seeds = CorpusLogLines.readOrExit();
        Path log = Files.createTempFile("armorbench-reader-side-by-side-", ".log");
        try {
            LogReadBenchmark.buildLog(seeds, LINES, log);
            compare(log, Path.of("target/classes").toAbsolutePath(), Path.of(args[0]).toAbsolutePath());
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private static void compare(Path log, Path current, Path baseline) throws Exception {
        List<ToLongFunction<Path>> readers = List.of(readerFrom(current), readerFrom(baseline));
        List<Double> cpuRatios = new ArrayList<>();
        List<Double> clockRatios = new ArrayList<>();
        long[] events = new long[2];
        for (int round = 0; round < ROUNDS; round++) {
            double[] cpu = new double[2];
            double[] clock = new double[2];
            for (int turn = 0; turn < 2; turn++) {
                int which = (round + turn) & 1; // alternate which goes first
                long cpuStart = ProcessCpu.nanos();
                long start = System.nanoTime();
                events[which] = readers.get(which).applyAsLong(log);
                clock[which] = (System.nanoTime() - start) / 1e9;
                cpu[which] = (ProcessCpu.nanos() - cpuStart) / 1e9;
            }
            System.out.printf("round %2d: this build %.3f s CPU (%.3f s clock), baseline %.3f s CPU (%.3f s clock)%s%n",
                    round + 1, cpu[0], clock[0], cpu[1], clock[1], round < WARM_UP_ROUNDS ? " (warm-up)" : "");
            if (round >= WARM_UP_ROUNDS) {
                cpuRatios.add(cpu[1] / cpu[0]);
                clockRatios.add(clock[1] / clock[0]);
            }
        }
        System.out.printf("%,d lines; this build reads %,d events, the baseline %,d%n", LINES, events[0], events[1]);
        System.out.println("baseline/this build (above 1: this build is faster), over " + cpuRatios.size() + " rounds:");
        System.out.println("  CPU time: " + SideBySideRatios.medianAndQuartiles(cpuRatios));
        System.out.println("  by the clock: " + SideBySideRatios.medianAndQuartiles(clockRatios));
    }

    @SuppressWarnings("unchecked")
    private static ToLongFunction<Path> readerFrom(Path classes) throws Exception {
        return BuildLoader.instance(classes, PassReader.class, ToLongFunction.class, new Class<?>[0]);
    }

    /** Reads a log once with a new default {@link LogReader} of the loader that defined it; returns the events. */
    static final class PassReader implements ToLongFunction<Path> {
        @Override
        public long applyAsLong(Path log) {
            long[] count = new long[1];
            try {
                new LogReader().read(log, log.toString(), (AuditEvent event) -> count[0]++);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return count[0];
        }
    }
}
