package dev.armorbench.audit;

import java.io.EOFException;
import java.io.FileInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads a whole log (a file, a pipe, stdin) into events, in input order, counting the lines it
 * skips. Memory stays flat in the size of the log.
 *
 * <p>A log larger than one chunk is parsed on several threads: the calling thread and the ones
 * started for the reading. The calling thread hands the events of each chunk to the sink in input
 * order (the sink runs on it: the suggester's grouping, the JSON writer), and while the next chunk
 * to hand on is not parsed yet, it parses chunks no thread has taken, rather than sleep and be
 * woken. A regular file is cut into regions that the parser threads read themselves
 * ({@link FileRegions}); a stream is cut into chunks of whole lines by the calling thread
 * ({@link LogChunks}). A parser thread finds its chunk's lines, numbers them on from the chunk
 * before, and turns them into events. At most two chunks per parser thread, plus two, are in
 * flight, so memory stays bounded; the sink is only ever called from the calling thread, and sees
 * exactly the events, in exactly the order, of a reading on one thread.
 */
public final class LogReader {
    private static final int BUFFER_BYTES = 256 * 1024;

    private final LogLineParser parser = new LogLineParser();
    private final LineSplitter splitter = new LineSplitter();
    private final SkipCounts skips = new SkipCounts();
    private final int parsingThreads;
    private final int chunkBytes;
    private long lines;
    private ReadProgress progress = new ReadProgress();
    private Runnable beforeWaiting = () -> { };
    /** The part of {@link #lines} already added to {@link #progress}. */
    private long linesReported;

    /** Parses on {@link #defaultParsingThreads()} threads, the calling thread among them. */
    public LogReader() {
        this(defaultParsingThreads());
    }

    /** How many threads {@link #LogReader()} parses on: as many as there are cores, at most four. */
    public static int defaultParsingThreads() {
        return Math.min(4, Runtime.getRuntime().availableProcessors());
    }

    /**
     * Parses on {@code parsingThreads} threads: the calling thread and {@code parsingThreads - 1}
     * started ones; 1 reads and parses on the calling thread alone, with no thread started.
     */
    public LogReader(int parsingThreads) {
        this(parsingThreads, LogChunks.CHUNK_BYTES);
    }

    /** For tests: small chunks cut a small log into many. */
    LogReader(int parsingThreads, int chunkBytes) {
        this.parsingThreads = Math.max(1, parsingThreads);
        this.chunkBytes = chunkBytes;
    }

    public SkipCounts skips() {
        return skips;
    }

    /** Lines read so far, skipped ones included. */
    public long lines() {
        return lines;
    }

    /** How far the reading has come, safe to read from another thread while it goes on. */
    public ReadProgress progress() {
        return progress;
    }

    /** Reports to {@code shared} from now on: the progress of several readings, or of one the caller watches. */
    public LogReader reportingTo(ReadProgress shared) {
        this.progress = shared;
        return this;
    }

    /**
     * Runs {@code action} on the reading's thread whenever it is about to wait for a slow writer (a
     * pipe, a FIFO, stdin), every event read before handed on: {@code logs} shows its output there.
     */
    public LogReader beforeWaiting(Runnable action) {
        this.beforeWaiting = action;
        return this;
    }

    /** Reads {@code in} to its end; {@code source} is how events name it. Does not close {@code in}. */
    public void read(InputStream in, String source, Consumer<? super AuditEvent> sink) throws IOException {
        readStream(progress.counting(in), true, source, sink);
    }

    /**
     * Reads a stream whose bytes {@link #progress} counts already. {@code mayStall}: whether its
     * writer may keep it waiting (a pipe, a device), rather than it being a file read to its end.
     */
    private void readStream(InputStream in, boolean mayStall, String source, Consumer<? super AuditEvent> sink)
            throws IOException {
        if (parsingThreads == 1) {
            readOnThisThread(in, mayStall, source, sink);
        } else {
            readInChunks(in, mayStall, source, sink);
        }
    }

    private void readOnThisThread(InputStream in, boolean mayStall, String source, Consumer<? super AuditEvent> sink)
            throws IOException {
        byte[] buffer = new byte[BUFFER_BYTES];
        LineSplitter.LineSink lineSink = lineSink(source, sink);
        int n;
        while (true) {
            if (mayStall && LogChunks.atHand(in) == 0) {
                beforeWaiting.run();
            }
            if ((n = in.read(buffer)) <= 0) {
                break;
            }
            splitter.feed(buffer, 0, n, lineSink);
            reportLines();
        }
        splitter.finish(lineSink);
        reportLines();
    }

    private void reportLines() {
        progress.addLines(lines - linesReported);
        linesReported = lines;
    }

    private void readInChunks(InputStream in, boolean mayStall, String source, Consumer<? super AuditEvent> sink)
            throws IOException {
        LogChunks chunks = new LogChunks(in, chunkBytes, mayStall);
        LogChunks.Chunk first = chunks.next();
        if (first == null) {
            return;
        }
        if (chunks.ended()) {
            // A small log, read whole: not worth a thread.
            try {
                deliver(new ChunkParser(parser).parse(first, source), sink);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while reading the log"); // not reached: chunk 1 starts at line 1
            }
            return;
        }
        parseInOrder(new ChunkJobs() {
            private LogChunks.Chunk unread = first;

            @Override
            public ChunkJob next() throws IOException {
                LogChunks.Chunk chunk = unread != null ? unread : chunks.next();
                unread = null;
                if (chunk == null) {
                    return null;
                }
                return chunkParser -> {
                    try {
                        return chunkParser.parse(chunk, source);
                    } finally {
                        chunks.recycle(chunk);
                    }
                };
            }

            @Override
            public boolean wouldWait() {
                return unread == null && chunks.wouldWait();
            }
        }, sink);
    }

    /**
     * Reads a file. A regular file larger than one chunk is cut into regions that the parser
     * threads read themselves ({@link FileRegions}): the calling thread neither reads nor parses,
     * it only hands events on. Anything else (a pipe, a device, a small file, a gzip'd rotated log)
     * is read as a stream. What is no text log (a directory, a systemd journal, another
     * compression) is refused with an {@link UnreadableLogException} naming the fix
     * ({@link LogFiles}). {@code source} is how events name it.
     */
    public void read(Path file, String source, Consumer<? super AuditEvent> sink) throws IOException {
        if (LogFiles.formOf(file) == LogFiles.Form.GZIP) {
            readGzip(file, source, sink);
            return;
        }
        boolean regular = Files.isRegularFile(file);
        if (parsingThreads > 1 && regular && Files.size(file) > chunkBytes) {
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                FileRegions regions = new FileRegions(channel, channel.size(), chunkBytes);
                long count = regions.count();
                long[] next = {0};
                parseInOrder(() -> {
                    if (next[0] == count) {
                        return null;
                    }
                    FileRegions.Region region = regions.region(next[0]++);
                    return chunkParser -> chunkParser.parse(regions.load(region, chunkParser.buffer(regions.bufferBytes())), source)
                            .readFrom(region.end() - region.start());
                }, sink);
            }
            return;
        }
        try (InputStream in = regular ? Files.newInputStream(file) : openPipeOrDevice(file)) {
            readStream(progress.counting(in), !regular, source, sink);
        }
    }

    /**
     * A pipe or a device, opened as a {@link FileInputStream}: its {@code available()} asks the
     * kernel what a pipe holds, so a slow writer's lines are handed on as they come
     * ({@link LogChunks}), where a channel's stream answers "Illegal seek" on a FIFO.
     */
    private static InputStream openPipeOrDevice(Path file) throws IOException {
        try {
            return new FileInputStream(file.toFile());
        } catch (FileNotFoundException e) {
            // For the exception that names the cause (NoSuchFileException, AccessDeniedException),
            // which the callers word for the user; should it open after all, it is read through it.
            return Files.newInputStream(file);
        }
    }

    private void readGzip(Path file, String source, Consumer<? super AuditEvent> sink) throws IOException {
        // Progress counts the compressed bytes: they are what the file's size is of.
        try (InputStream in = new GZIPInputStream(progress.counting(Files.newInputStream(file)), BUFFER_BYTES)) {
            readStream(in, false, source, sink);
        } catch (EOFException | ZipException e) {
            // The lines before the damage were read and handed on; say where it stopped.
            throw new UnreadableLogException(file + " is gzip data cut short or damaged (" + e.getMessage() + "); the"
                    + " lines before that were read. If logrotate is compressing it right now, read it again in a moment.", e);
        }
    }

    /** A chunk's worth of work for a parser thread, with that thread's own parser. */
    private interface ChunkJob {
        ParsedChunk run(ChunkParser parser) throws IOException, InterruptedException;
    }

    /** The jobs of one reading in order, made on the calling thread; null at the end. */
    private interface ChunkJobs {
        ChunkJob next() throws IOException;

        /** Whether {@link #next} would wait for input (a slow pipe), so that what is parsed should be handed on first. */
        default boolean wouldWait() throws IOException {
            return false;
        }
    }

    /**
     * Runs the jobs on parser threads and hands their events to {@code sink} in job order, on the
     * calling thread; at most two jobs per parser thread, plus two, are in flight. The calling
     * thread is one of the parser threads: rather than wait for the next chunk to hand on, it
     * parses the chunks no thread has taken yet, so no core idles and no thread is woken per chunk.
     */
    private void parseInOrder(ChunkJobs jobs, Consumer<? super AuditEvent> sink) throws IOException {
        // A parser per thread, each thread's own, so none is shared.
        ThreadLocal<ChunkParser> parsers = ThreadLocal.withInitial(() -> new ChunkParser(new LogLineParser()));
        ExecutorService pool = Executors.newFixedThreadPool(parsingThreads - 1, task -> {
            Thread thread = new Thread(task, "armorbench log parser");
            thread.setDaemon(true);
            return thread;
        });
        Deque<ChunkTask> inFlight = new ArrayDeque<>();
        int maxInFlight = 2 * parsingThreads + 2;
        try {
            boolean more = true;
            while (true) {
                // Read on while there is room; but a slow pipe's events are handed on before its next wait.
                while (more && inFlight.size() < maxInFlight && (inFlight.isEmpty() || !jobs.wouldWait())) {
                    if (inFlight.isEmpty() && jobs.wouldWait()) {
                        beforeWaiting.run(); // every event read so far is handed on
                    }
                    ChunkJob job = jobs.next();
                    if (job == null) {
                        more = false;
                        break;
                    }
                    ChunkTask task = new ChunkTask(job, parsers);
                    inFlight.addLast(task);
                    pool.execute(task);
                }
                if (inFlight.isEmpty()) {
                    break;
                }
                ChunkTask next = inFlight.removeFirst();
                // In order, so that a chunk's wait for the line count of the one before always ends.
                if (!next.runHere()) {
                    for (ChunkTask later : inFlight) {
                        if (next.isDone()) {
                            break;
                        }
                        later.runHere();
                    }
                }
                deliver(await(next.result), sink);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** One chunk's job, run by whichever thread takes it first: a pool thread or the calling thread. */
    private static final class ChunkTask implements Runnable {
        private final ChunkJob job;
        private final ThreadLocal<ChunkParser> parsers;
        private final AtomicBoolean taken = new AtomicBoolean();
        final CompletableFuture<ParsedChunk> result = new CompletableFuture<>();

        ChunkTask(ChunkJob job, ThreadLocal<ChunkParser> parsers) {
            this.job = job;
            this.parsers = parsers;
        }

        @Override
        public void run() {
            runHere();
        }

        /** Runs the job on this thread unless another thread took it; whether this one did. */
        boolean runHere() {
            if (!taken.compareAndSet(false, true)) {
                return false;
            }
            try {
                result.complete(job.run(parsers.get()));
            } catch (Throwable failure) {
                result.completeExceptionally(failure);
            }
            return true;
        }

        boolean isDone() {
            return result.isDone();
        }
    }

    private static ParsedChunk await(Future<ParsedChunk> future) throws IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while reading the log");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IOException(cause);
        }
    }

    private void deliver(ParsedChunk parsed, Consumer<? super AuditEvent> sink) {
        AuditEvent[] events = parsed.events();
        for (int i = 0; i < parsed.eventCount(); i++) {
            sink.accept(events[i]);
        }
        lines += parsed.lines();
        linesReported = lines;
        progress.addLines(parsed.lines());
        progress.addBytes(parsed.fileBytes());
        long[] counts = parsed.skips();
        for (SkipReason reason : SkipReason.values()) {
            if (counts[reason.ordinal()] > 0) {
                skips.add(reason, counts[reason.ordinal()]);
            }
        }
    }

    /**
     * The events of one chunk, its line count and its skips by {@link SkipReason} ordinal, and how
     * many bytes of a file it was read from directly (0 for a stream, which counts its own).
     */
    private record ParsedChunk(AuditEvent[] events, int eventCount, long lines, long[] skips, long fileBytes) {
        ParsedChunk readFrom(long bytes) {
            return new ParsedChunk(events, eventCount, lines, skips, bytes);
        }
    }

    /** One parser thread's tools: a line parser and room for a chunk's line ends, used by one chunk at a time. */
    private static final class ChunkParser {
        private final LogLineParser parser;
        private int[] lineEnds = new int[4096];
        /** Per line, where its text ends: before a '\r' that ends a CRLF line, else at its end. */
        private int[] contentEnds = new int[4096];
        private byte[] regionBuffer;

        ChunkParser(LogLineParser parser) {
            this.parser = parser;
        }

        /** This parser's buffer for reading a file region, made on first use. */
        byte[] buffer(int bytes) {
            if (regionBuffer == null || regionBuffer.length < bytes) {
                regionBuffer = new byte[bytes];
            }
            return regionBuffer;
        }

        /** Numbers and parses one chunk; waits for the chunk before to be numbered. */
        ParsedChunk parse(LogChunks.Chunk chunk, String source) throws InterruptedException {
            long[] skipped = new long[SkipReason.values().length];
            if (chunk.overlong()) {
                chunk.numberAfterCounting(1);
                skipped[SkipReason.TOO_LONG.ordinal()]++;
                return new ParsedChunk(new AuditEvent[0], 0, 1, skipped, 0);
            }
            // One pass finds the lines: their count numbers the next chunk, their ends are parsed below.
            byte[] bytes = chunk.bytes();
            int start = chunk.offset();
            int lines = findLineEnds(bytes, start, start + chunk.length());
            long lineNumber = chunk.numberAfterCounting(lines);
            // An array, not a list: the thread that hands the events on reads them without a cast,
            // which would load each event's header from the other core's cache.
            AuditEvent[] events = new AuditEvent[lines];
            int eventCount = 0;
            for (int i = 0; i < lines; i++, lineNumber++) {
                int end = lineEnds[i];
                int length = LineSplitter.lineLength(start, end, contentEnds[i]);
                if (length < 0) {
                    skipped[SkipReason.TOO_LONG.ordinal()]++;
                } else {
                    AuditEvent event = parser.parseEvent(bytes, start, length, source, lineNumber);
                    if (event == null) {
                        skipped[parser.lastSkipReason().ordinal()]++;
                    } else {
                        events[eventCount++] = event;
                    }
                }
                start = end + 1;
            }
            return new ParsedChunk(events, eventCount, lines, skipped, 0);
        }

        /**
         * Keeps where each line of {@code bytes[from, to)} ends (a last line without newline ends at
         * {@code to}), and where its text ends: the '\r' of a CRLF line is looked at here, while its
         * bytes are at hand, not when the line is parsed, long after.
         */
        private int findLineEnds(byte[] bytes, int from, int to) {
            int lines = 0;
            int start = from;
            while (start < to) {
                int newline = ByteRuns.indexOfNewline(bytes, start, to);
                int end = newline < 0 ? to : newline;
                if (lines == lineEnds.length) {
                    lineEnds = Arrays.copyOf(lineEnds, lines * 2);
                    contentEnds = Arrays.copyOf(contentEnds, lines * 2);
                }
                lineEnds[lines] = end;
                contentEnds[lines++] = LineSplitter.textEnd(bytes, start, end);
                start = end + 1;
            }
            return lines;
        }
    }

    /** A sink that numbers lines of {@code source} and parses them; shared with the live sources. */
    LineSplitter.LineSink lineSink(String source, Consumer<? super AuditEvent> sink) {
        return new LineSplitter.LineSink() {
            private long lineNumber;

            @Override
            public void line(byte[] bytes, int offset, int length) {
                lineNumber++;
                lines++;
                AuditEvent event = parser.parseEvent(bytes, offset, length, source, lineNumber);
                if (event == null) {
                    skips.add(parser.lastSkipReason());
                } else {
                    sink.accept(event);
                }
            }

            @Override
            public void overlong() {
                lineNumber++;
                lines++;
                skips.add(SkipReason.TOO_LONG);
            }
        };
    }
}
