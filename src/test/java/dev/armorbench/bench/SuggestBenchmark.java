package dev.armorbench.bench;

import dev.armorbench.audit.AuditEvent;
import dev.armorbench.audit.LogLineParser;
import dev.armorbench.policy.check.PolicySources;
import dev.armorbench.policy.check.SourceFile;
import dev.armorbench.audit.LogReader;
import dev.armorbench.policy.check.LintResult;
import dev.armorbench.policy.check.PolicyReader;
import dev.armorbench.suggest.AbstractionOffers;
import dev.armorbench.suggest.EditPlan;
import dev.armorbench.suggest.KnownProfiles;
import dev.armorbench.suggest.LearningLabels;
import dev.armorbench.suggest.NewProfiles;
import dev.armorbench.suggest.ProfileEdits;
import dev.armorbench.suggest.Suggester;
import dev.armorbench.suggest.Suggestion;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How fast a log becomes a full set of suggestions, next to the time aa-logprof's reader takes
 * just to group the same log.
 *
 * <p>Builds a 1,000,000-line log from the corpus lines (pids, serials and {@code /proc/PID} paths
 * varied), a policy file with one profile per label of those lines, each including abstractions of
 * {@code profiles-apparmor.d} (with {@code tunables/global} from {@code profiles-apparmor}), and
 * times the pipeline against those profiles once read (as the editor holds them): reading,
 * turning events into requests, merging, checking every request against the profiles with their
 * abstractions, include offers from the 160 abstractions of the search path, planning the edits
 * and writing new profiles. The setup (reading the policy) is printed apart. Then, where {@code python3-apparmor} is installed,
 * {@code apparmor.logparser.ReadLog.read_log} on the same file.
 *
 * <p>Run: {@code ./mvnw -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=dev.armorbench.bench.SuggestBenchmark} (optional {@code -Dexec.args="LINES"}).
 */
public final class SuggestBenchmark {
    private static final Pattern PID = Pattern.compile("(?<![a-z_])pid=\\d+");
    private static final Pattern PROC = Pattern.compile("/proc/\\d+/");
    private static final Pattern STAMP = Pattern.compile("audit\\((\\d+)\\.(\\d+):\\d+\\)");
    private static final int WARM_UP_PASSES = 3;
    private static final int TIMED_PASSES = 5;
    private static final List<String> ABSTRACTIONS = List.of("base", "base-strict", "nameservice-strict", "consoles",
            "desktop", "graphics", "fontconfig-cache-read", "audio-client", "dri", "user-read", "ssl_certs", "python");

    private SuggestBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int lineCount = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Path corpora = Path.of(System.getProperty("armorbench.corpora", "../shared/corpora")).toAbsolutePath().normalize();
        Path community = corpora.resolve("profiles-apparmor.d");
        Path shipped = corpora.resolve("profiles-apparmor");
        List<String> seeds = CorpusLogLines.read(corpora);
        if (seeds.isEmpty() || !Files.isDirectory(community) || !Files.isDirectory(shipped)) {
            System.err.println("Corpora missing under " + corpora + " (set -Darmorbench.corpora=DIR).");
            System.exit(2);
        }
        byte[] log = buildLog(seeds, lineCount);
        String dump = System.getProperty("armorbench.bench.dump");
        if (dump != null) {
            Files.write(Path.of(dump), log); // to look at what the benchmark reads
            Files.writeString(Path.of(dump + ".profiles"), policyFor(seeds, List.of(community, shipped)));
            return;
        }
        List<Path> searchPath = List.of(community, shipped);
        String policy = policyFor(seeds, searchPath);
        System.out.printf("Log: %,d lines (%,d MiB) from %d corpus lines; policy: %d profiles, each including %d abstractions;"
                + " %d cores, Java %s%n", lineCount, log.length >> 20, seeds.size(), policy.split("\nprofile ").length - 1,
                ABSTRACTIONS.size(), Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));

        // Setup, as the editor has it once the profile is open: the policy read with its includes,
        // the search path's abstractions listed (each is read on first use and kept).
        long setupStart = System.nanoTime();
        PolicySources sources = new PolicySources(searchPath, Path.of(""));
        SourceFile profiles = new SourceFile(Path.of("bench.profiles"), policy);
        LintResult read = PolicyReader.lint(profiles, sources);
        KnownProfiles known = new KnownProfiles(List.of(read));
        AbstractionOffers offers = AbstractionOffers.onSearchPath(searchPath);
        System.out.printf("Setup: policy read with its includes in %,d ms%n", (System.nanoTime() - setupStart) / 1_000_000);

        // The log as a file, read as `armorbench suggest --log FILE` reads it (and as ReadLog reads it).
        Path file = Files.createTempFile("armorbench-suggest-bench-", ".log");
        try {
            Files.write(file, log);
            measure(file, lineCount, profiles, known, offers);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static void measure(Path log, int lineCount, SourceFile profiles, KnownProfiles known, AbstractionOffers offers)
            throws IOException, InterruptedException {
        double readerOnly = 0;
        for (int i = 0; i < 3; i++) {
            long start = System.nanoTime();
            long[] n = new long[1];
            new LogReader().read(log, "bench.log", e -> n[0]++);
            readerOnly = Math.max(readerOnly, lineCount / ((System.nanoTime() - start) / 1e9));
        }
        System.out.printf("LogReader alone (reference):   %,12.0f lines/s (best of 3)%n", readerOnly);

        // Warm-up: the abstractions read once, and passes until the JIT has compiled the whole
        // pipeline (the third pass of a cold JVM still ran a third slower than the fifth).
        for (int i = 0; i < WARM_UP_PASSES; i++) {
            run(log, profiles, known, offers, true);
        }
        double[] wall = new double[TIMED_PASSES];
        double[] cpu = new double[TIMED_PASSES];
        Run result = null;
        for (int i = 0; i < TIMED_PASSES; i++) {
            long start = System.nanoTime();
            long cpuStart = ProcessCpu.nanos();
            result = run(log, profiles, known, offers, false);
            wall[i] = lineCount / ((System.nanoTime() - start) / 1e9);
            cpu[i] = lineCount / ((ProcessCpu.nanos() - cpuStart) / 1e9);
        }
        java.util.Arrays.sort(wall);
        java.util.Arrays.sort(cpu);
        int median = TIMED_PASSES / 2;
        System.out.printf("ArmorBench log -> suggestions: %,12.0f lines/s  %,12.0f lines/CPU-s (median of %d; best %,.0f"
                + " lines/s, %,.0f lines/CPU-s; %,d events, %,d suggestions, %,d hunks)%n", wall[median], cpu[median],
                TIMED_PASSES, wall[TIMED_PASSES - 1], cpu[TIMED_PASSES - 1], result.events, result.suggestions, result.hunks);

        double[] python = timeReadLog(log);
        if (python == null) {
            System.out.println("Python apparmor ReadLog: not installed (Debian package python3-apparmor)");
        } else {
            System.out.printf("Python apparmor ReadLog.read_log (grouping only): %,12.0f lines/s  %,12.0f lines/CPU-s%n",
                    python[0], python[1]);
            System.out.printf("Whole ArmorBench pipeline vs ReadLog's grouping alone: %.1f× by the clock, %.1f× per"
                    + " CPU-second (goal: 10×); best pass %.1f× by the clock%n", wall[median] / python[0],
                    cpu[median] / python[1], wall[TIMED_PASSES - 1] / python[0]);
        }
    }

    private record Run(long events, int suggestions, int hunks) {
    }

    /** Log to suggestions to edits, against profiles already read. */
    private static Run run(Path log, SourceFile profiles, KnownProfiles known, AbstractionOffers offers, boolean first)
            throws IOException {
        long t0 = System.nanoTime();
        Suggester suggester = new Suggester(known, LearningLabels.TO_EXECUTING_PROFILE, offers);
        new LogReader().read(log, "bench.log", suggester);
        long t1 = System.nanoTime();
        List<Suggestion> suggestions = suggester.suggestions();
        long t2 = System.nanoTime();
        EditPlan plan = ProfileEdits.plan(profiles, suggestions);
        NewProfiles.render(suggestions);
        long t3 = System.nanoTime();
        if (!first) {
            System.out.printf("  phases: log -> grouped requests %,d ms, grants + include offers %,d ms, edits %,d ms%n",
                    (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000);
        }
        return new Run(suggester.events(), suggestions.size(), plan.hunks().size());
    }

    /** One profile per top-level label of the seed lines, each including the abstractions. */
    private static String policyFor(List<String> seeds, List<Path> searchPath) {
        Set<String> labels = new LinkedHashSet<>();
        LogLineParser parser = new LogLineParser();
        for (String seed : seeds) {
            AuditEvent event = parser.parseEvent(seed, "seed", 1);
            if (event != null && event.profile() != null) {
                String root = event.profile().split("//")[0];
                if (root.matches("[A-Za-z0-9/_.+-]+")) {
                    labels.add(root);
                }
            }
        }
        StringBuilder out = new StringBuilder("include <tunables/global>\n");
        for (String label : labels) {
            out.append("\nprofile ").append(label).append(" {\n");
            for (String abstraction : ABSTRACTIONS) {
                boolean exists = searchPath.stream().anyMatch(d -> Files.exists(d.resolve("abstractions/" + abstraction)));
                if (exists) {
                    out.append("  include <abstractions/").append(abstraction).append(">\n");
                }
            }
            out.append("}\n");
        }
        return out.toString();
    }

    /** The seed lines over and over, with serials, pids and /proc/PID paths varied as a busy machine logs them. */
    private static byte[] buildLog(List<String> seeds, int count) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(count * 300);
        for (int i = 0; i < count; i++) {
            String line = seeds.get(i % seeds.size());
            Matcher stamp = STAMP.matcher(line);
            if (stamp.find()) {
                line = line.substring(0, stamp.start()) + "audit(" + stamp.group(1) + "." + stamp.group(2) + ":" + (1000 + i) + ")"
                        + line.substring(stamp.end());
            }
            int pid = 100 + (int) ((i * 7919L) % 400_000);
            line = PID.matcher(line).replaceFirst("pid=" + pid);
            line = PROC.matcher(line).replaceFirst("/proc/" + pid + "/");
            out.writeBytes(line.getBytes(StandardCharsets.ISO_8859_1));
            out.write('\n');
        }
        return out.toByteArray();
    }

    /** aa-logprof's reader on the file: lines/s by the clock and per CPU-second, or null when not installed. */
    private static double[] timeReadLog(Path log) throws IOException, InterruptedException {
        String script = String.join("\n",
                "import sys, time",
                "from apparmor.logparser import ReadLog",
                "path = sys.argv[1]",
                "n = sum(1 for _ in open(path, 'rb'))",
                "reader = ReadLog(path, None, '/nonexistent')",
                "orig = reader.parse_event_for_tree",
                "def guarded(e):",
                "    try:",
                "        return orig(e)",
                "    except Exception:",
                "        return None",
                "reader.parse_event_for_tree = guarded",
                "start, cpu = time.perf_counter(), time.process_time()",
                "reader.read_log('')",
                "print(n / (time.perf_counter() - start), n / (time.process_time() - cpu))");
        return PythonScripts.lastLineRates(script, log);
    }

}
