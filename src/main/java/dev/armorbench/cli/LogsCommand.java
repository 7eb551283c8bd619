package dev.armorbench.cli;

import dev.armorbench.audit.AuditEvent;
import dev.armorbench.audit.EventFilter;
import dev.armorbench.audit.EventJson;
import dev.armorbench.audit.EventStream;
import dev.armorbench.audit.EventText;
import dev.armorbench.audit.LineSource;
import dev.armorbench.audit.LiveSource;
import dev.armorbench.audit.LiveSourceDetector;
import dev.armorbench.audit.LogFiles;
import dev.armorbench.audit.LogReader;
import dev.armorbench.audit.LogSummary;
import dev.armorbench.audit.SkipCounts;
import dev.armorbench.audit.FileFollower;
import dev.armorbench.audit.StreamFollower;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code armorbench logs}: AppArmor's records from log files, stdin or this machine's live log. */
@Command(
        name = "logs",
        mixinStandardHelpOptions = true,
        description = {
            "Read AppArmor records from log files, stdin or this machine's live log.",
            "FILE may be audit.log, kern.log, syslog, dmesg output or journalctl -o json output; - is stdin;"
                + " without FILE, the best readable log on this machine is read. From a pipe (stdin, a FIFO,"
                + " <(tail -f …)), each record is printed as it comes.",
            "Lines that are not AppArmor records, or are damaged, are skipped and counted on stderr."
        })
public final class LogsCommand implements Callable<Integer> {
    enum Format { text, json, summary }

    @Option(names = "--profile", paramLabel = "NAME", description = "Only this profile and its children (NAME//…).")
    String profile;

    @Option(names = "--since", paramLabel = "WHEN", converter = SinceTime.class,
            description = "Only records from then on: a time ago (10m, 2h, 1d), a local date and time"
                    + " (\"2026-11-30 14:05\"), one with its offset (2026-11-30T13:05:00Z) or @SECONDS as in audit(…).")
    Instant since;

    @Option(names = "--follow", description = "Keep reading: print records as they are appended (files are followed"
            + " through rotation and truncation). Stop with Ctrl-C.")
    boolean follow;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (one line per record), json (one JSON object per record) or summary (counts only)."
                    + " Default: ${DEFAULT-VALUE}.")
    Format format;

    @Parameters(paramLabel = "FILE|-", arity = "0..*",
            description = "Log files (a rotated one gzip'd is read as it is); - for stdin.")
    List<String> inputs = new ArrayList<>();

    @Spec
    CommandSpec spec;

    /** Where events go: one writer per format; summary prints only at the end. */
    private final class Output implements Consumer<AuditEvent> {
        private final PrintWriter out = spec.commandLine().getOut();
        private final LogSummary summary = new LogSummary();
        private final EventJson json;

        Output() throws IOException {
            json = format == Format.json ? new EventJson(out) : null;
        }

        @Override
        public void accept(AuditEvent event) {
            try {
                switch (format) {
                    case json:
                        json.write(event);
                        break;
                    case summary:
                        summary.add(event);
                        break;
                    default:
                        // print, not println: the console writer flushes on every println.
                        out.print(EventText.format(event));
                        out.print('\n');
                        break;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void flush() throws IOException {
            if (json != null) {
                json.flush();
            }
            out.flush();
        }

        /** {@link #flush()} as a callback: a failed write ends the reading, as one in {@link #accept} does. */
        void flushUnchecked() {
            try {
                flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void finish() throws IOException {
            if (format == Format.summary) {
                out.print(summary.format());
            }
            flush();
        }
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        EventFilter filter = profile == null ? EventFilter.ALL : EventFilter.profileFamily(profile);
        if (since != null) {
            filter = filter.since(since);
        }
        EventFilter chosen = filter;
        Output output = new Output();
        long[] leftOut = {0};
        Consumer<AuditEvent> sink = event -> {
            if (chosen.test(event)) {
                output.accept(event);
            } else {
                leftOut[0]++;
            }
        };
        if (follow) {
            return follow(filter, output, err);
        }
        int status = 0;
        if (inputs.isEmpty()) {
            LiveSource best = bestLiveSource("reading", err);
            if (best == null) {
                return 1;
            }
            status = readSource(best.snapshot(), sink, err);
        }
        for (String input : inputs) {
            // From a pipe (stdin, a FIFO, <(tail -f …)) each record is shown as it comes, where
            // output to a pipe is otherwise written in blocks.
            LogReader reader = new LogReader().beforeWaiting(output::flushUnchecked);
            try {
                if (input.equals("-")) {
                    reader.read(System.in, input, sink);
                } else {
                    reader.read(Path.of(input), input, sink); // the parser threads read a large file themselves
                }
            } catch (NoSuchFileException | AccessDeniedException e) {
                err.println("armorbench logs: " + LogFiles.problem(Path.of(input), e));
                status = 1;
                continue; // nothing was read: no skips to report
            } catch (IOException e) {
                // A directory, a journal, …; or a gzip cut short, whose lines before were read: their skips follow.
                err.println("armorbench logs: " + LogFiles.problem(Path.of(input), e));
                status = 1;
            }
            reportSkips(err, input, reader.skips());
        }
        output.finish();
        if (leftOut[0] > 0) {
            // So that "0 events" after --since or --profile is not read as "the log has none".
            err.printf("armorbench logs: %,d record%s left out by %s.%n", leftOut[0], leftOut[0] == 1 ? "" : "s",
                    profile != null && since != null ? "--profile and --since" : profile != null ? "--profile" : "--since");
        }
        err.flush();
        return status;
    }

    private int readSource(LineSource source, Consumer<AuditEvent> sink, PrintWriter err) throws IOException {
        try (EventStream stream = EventStream.start(List.of(source), event -> true, 10_000)) {
            drain(stream, sink);
            reportSkips(err, source.name(), stream.skips());
            stream.failures().forEach(f -> err.println("armorbench logs: " + f));
            return stream.failures().isEmpty() ? 0 : 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        }
    }

    private static void drain(EventStream stream, Consumer<AuditEvent> sink) throws InterruptedException {
        while (stream.isActive()) {
            stream.poll(1000, Duration.ofMillis(200)).forEach(sink);
        }
    }

    /** Why {@code file} cannot be followed (a directory, a journal, a compressed rotated log), or null. */
    private static String followRefusal(Path file) {
        try {
            return LogFiles.formOf(file) == LogFiles.Form.GZIP
                    ? file + " is a compressed rotated log, which is not written to any more: read it without --follow."
                    : null;
        } catch (AccessDeniedException e) {
            return LogFiles.permissionDenied(file);
        } catch (IOException e) {
            return e.getMessage();
        }
    }

    /**
     * The best of this machine's live sources, said on stderr with what is done with it ("reading",
     * "following"); null, with why none is readable and how to fix that, when there is none.
     */
    private static LiveSource bestLiveSource(String doing, PrintWriter err) {
        LiveSourceDetector.Detection detection = LiveSourceDetector.forThisMachine().detect();
        if (!detection.found()) {
            err.println(detection.explain());
            err.flush();
            return null;
        }
        err.println("armorbench logs: " + doing + " " + detection.best().describe());
        return detection.best();
    }

    private int follow(EventFilter filter, Output output, PrintWriter err) throws IOException {
        List<LineSource> sources = new ArrayList<>();
        if (inputs.isEmpty()) {
            LiveSource best = bestLiveSource("following", err);
            if (best == null) {
                return 1;
            }
            sources.add(best.follower());
            if (best.kind() == LiveSource.Kind.KMSG) {
                // /dev/kmsg replays the whole ring buffer first; only what comes from now on is new.
                Instant now = Instant.now();
                filter = filter.since(since != null && since.isAfter(now) ? since : now);
            }
        }
        for (String input : inputs) {
            if (input.equals("-")) {
                sources.add(StreamFollower.ofStream("-", System.in));
            } else if (!Files.exists(Path.of(input))) {
                err.println("armorbench logs: " + input + ": no such file; check the path.");
                err.flush();
                return 1;
            } else {
                String refusal = followRefusal(Path.of(input));
                if (refusal != null) {
                    err.println("armorbench logs: " + refusal);
                    err.flush();
                    return 1;
                }
                sources.add(new FileFollower(Path.of(input), false, Duration.ofMillis(250)));
            }
        }
        err.flush();
        EventStream stream = EventStream.start(sources, filter, 10_000);
        Thread finish = new Thread(() -> {
            stream.close();
            try {
                output.finish();
            } catch (IOException e) {
                // stdout is gone; nothing left to tell.
            }
            reportSkips(err, "followed sources", stream.skips());
            if (stream.dropped() > 0) {
                err.println("armorbench logs: " + stream.dropped() + " records dropped while output fell behind.");
            }
            err.flush();
        });
        Runtime.getRuntime().addShutdownHook(finish);
        try {
            while (stream.isActive()) {
                List<AuditEvent> batch = stream.poll(1000, Duration.ofMillis(250));
                batch.forEach(output);
                if (!batch.isEmpty()) {
                    output.flush();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // Every source ended by itself (stdin closed): finish now rather than at exit.
        Runtime.getRuntime().removeShutdownHook(finish);
        finish.run();
        stream.failures().forEach(f -> err.println("armorbench logs: " + f));
        err.flush();
        return stream.failures().isEmpty() ? 0 : 1;
    }

    private static void reportSkips(PrintWriter err, String source, SkipCounts skips) {
        if (skips.total() > 0) {
            err.println("armorbench logs: " + source + ": " + skips.describe());
        }
    }
}
