package dev.armorbench.audit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * Live events from one or more {@link LineSource}s, read and parsed on background threads and
 * handed over through a bounded queue, so a UI thread only ever drains a batch. When the reader
 * falls behind (a flood of denials), new events past the queue's capacity are dropped and
 * counted rather than buffered: memory stays flat, and the count says what was lost.
 */
public final class EventStream implements AutoCloseable {
    private final BlockingQueue<AuditEvent> queue;
    private final List<LineSource> sources;
    private final List<Thread> threads = new ArrayList<>();
    private final Predicate<? super AuditEvent> filter;
    private final SkipCounts skips = new SkipCounts();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong lines = new AtomicLong();
    private final AtomicInteger running = new AtomicInteger();
    private final List<String> failures = new ArrayList<>();

    private EventStream(List<LineSource> sources, Predicate<? super AuditEvent> filter, int capacity) {
        this.sources = List.copyOf(sources);
        this.filter = filter;
        this.queue = new ArrayBlockingQueue<>(capacity);
    }

    /** Starts one daemon thread per source. */
    public static EventStream start(List<LineSource> sources, Predicate<? super AuditEvent> filter, int capacity) {
        EventStream stream = new EventStream(sources, filter, capacity);
        for (LineSource source : stream.sources) {
            Thread thread = new Thread(() -> stream.pump(source), "armorbench log " + source.name());
            thread.setDaemon(true);
            stream.threads.add(thread);
            stream.running.incrementAndGet();
        }
        stream.threads.forEach(Thread::start);
        return stream;
    }

    private void pump(LineSource source) {
        LogLineParser parser = new LogLineParser();
        try {
            source.run(new LineSplitter.LineSink() {
                private long lineNumber;

                @Override
                public void line(byte[] bytes, int offset, int length) {
                    lineNumber++;
                    lines.incrementAndGet();
                    AuditEvent event = parser.parseEvent(bytes, offset, length, source.name(), lineNumber);
                    if (event == null) {
                        skips.add(parser.lastSkipReason());
                    } else if (filter.test(event) && !queue.offer(event)) {
                        dropped.incrementAndGet();
                    }
                }

                @Override
                public void overlong() {
                    lineNumber++;
                    lines.incrementAndGet();
                    skips.add(SkipReason.TOO_LONG);
                }

                @Override
                public void restarted() {
                    lineNumber = 0;
                }
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            synchronized (failures) {
                failures.add(source.name() + ": " + e.getMessage());
            }
        } finally {
            running.decrementAndGet();
        }
    }

    /**
     * Waits up to {@code wait} for the first event, then takes what else is ready, up to
     * {@code max}. Returns an empty list when nothing came.
     */
    public List<AuditEvent> poll(int max, Duration wait) throws InterruptedException {
        List<AuditEvent> batch = new ArrayList<>();
        AuditEvent first = queue.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
        if (first != null) {
            batch.add(first);
            queue.drainTo(batch, max - 1);
        }
        return batch;
    }

    /** True while a source is still reading. */
    public boolean isReading() {
        return running.get() > 0;
    }

    /** True while a source is still reading, or events are waiting. */
    public boolean isActive() {
        return running.get() > 0 || !queue.isEmpty();
    }

    public SkipCounts skips() {
        return skips;
    }

    /** Events lost because the queue was full. */
    public long dropped() {
        return dropped.get();
    }

    public long lines() {
        return lines.get();
    }

    public int queued() {
        return queue.size();
    }

    /** Why sources stopped with an error, one message per source. */
    public List<String> failures() {
        synchronized (failures) {
            return List.copyOf(failures);
        }
    }

    @Override
    public void close() {
        sources.forEach(LineSource::close);
        for (Thread thread : threads) {
            try {
                thread.join(3000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
