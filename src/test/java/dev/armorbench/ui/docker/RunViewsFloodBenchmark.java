package dev.armorbench.ui.docker;

import dev.armorbench.audit.AuditEvent;
import dev.armorbench.audit.LogLineParser;
import dev.armorbench.trial.OutputChannel;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.SplitPane;
import javafx.stage.Stage;

/**
 * Whether the window keeps answering while a run floods it: a process that retries a denied access
 * in a loop (thousands of AppArmor events a second) and a container that writes without pause.
 *
 * <p>The run's real views ({@link EventsView}, {@link OutputView}) are fed from a thread of their
 * own, as a run's threads feed them, in two ways: one FX task per item (how events reached the view
 * before {@link FxHandOff}), and through {@link FxHandOff} as the run pane uses it (events merged
 * by key while they wait). The floods: distinct events at 100,000 a minute and all at once, a
 * process retrying three accesses, and a container's output. Printed per way: how late a task posted
 * to the FX thread every 20 ms ran (the window's answer to a click), how long after the flood the
 * view showed its last item, and how many items waited for the FX thread at most (each holds its
 * event or line in the heap until the FX thread takes or drops it).
 *
 * <p>Run headless with {@code docs/run-views-flood-benchmark.sh}.
 */
public final class RunViewsFloodBenchmark {
    private static final int EVENTS = Integer.getInteger("events", 200_000);
    private static final int OUTPUT_LINES = Integer.getInteger("outputLines", 1_000_000);
    /** The flood: 100,000 lines a minute. */
    private static final int PACED_PER_SECOND = 100_000 / 60;
    private static final int PACED_SECONDS = Integer.getInteger("pacedSeconds", 10);

    private RunViewsFloodBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get(30, TimeUnit.SECONDS);
        EventsView[] events = new EventsView[1];
        OutputView[] output = new OutputView[1];
        onFx(() -> {
            events[0] = new EventsView();
            output[0] = new OutputView();
            Stage stage = new Stage();
            stage.setScene(new Scene(new SplitPane(output[0], events[0]), 1200, 800));
            stage.show();
        });
        List<AuditEvent> flood = events(EVENTS);
        System.out.printf(Locale.ROOT, "%d cores, load average %.1f; %,d distinct events, %,d output lines%n",
                Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), flood.size(), OUTPUT_LINES);

        List<AuditEvent> paced = flood.subList(0, PACED_PER_SECOND * PACED_SECONDS);
        List<AuditEvent> retries = retries(EVENTS);
        List<String> lines = outputLines(OUTPUT_LINES);
        String lastLine = lines.get(lines.size() - 1);
        java.util.function.Supplier<Object> lastEvent = () -> events[0].getItems().isEmpty() ? null
                : events[0].getItems().get(events[0].getItems().size() - 1).latest();
        for (int round = 0; round < 2; round++) { // the first round warms the JIT up
            boolean print = round == 1;
            measure(print, "events, 100,000 a minute, one FX task each", paced, PACED_PER_SECOND,
                    new OneTaskEach<>(event -> events[0].addAll(List.of(EventsView.Repeated.once(event)))), lastEvent, events[0]::clear);
            measure(print, "events, 100,000 a minute, FxHandOff", paced, PACED_PER_SECOND,
                    eventHandOff(events[0]), lastEvent, events[0]::clear);
            measure(print, "events, as fast as they come, one FX task each", flood, 0,
                    new OneTaskEach<>(event -> events[0].addAll(List.of(EventsView.Repeated.once(event)))), lastEvent, events[0]::clear);
            measure(print, "events, as fast as they come, FxHandOff", flood, 0, eventHandOff(events[0]), lastEvent,
                    events[0]::clear);
            measure(print, "retries of 3 accesses, at once, one FX task each", retries, 0,
                    new OneTaskEach<>(event -> events[0].addAll(List.of(EventsView.Repeated.once(event)))), lastEvent,
                    events[0]::clear);
            measure(print, "retries of 3 accesses, at once, FxHandOff", retries, 0, eventHandOff(events[0]), lastEvent,
                    events[0]::clear);
            measure(print, "output, as fast as it comes, FxHandOff", lines, 0, outputHandOff(output[0]),
                    () -> output[0].text().endsWith(lastLine + "\n") ? lastLine : null, output[0]::clear);
        }
        Platform.exit();
        System.exit(0);
    }

    /** One way to feed the view: a run thread's {@code offer}, and how many items wait for the FX thread now. */
    private interface Feed<T> {
        void offer(T item);

        long waiting();
    }

    /** One FX task per item, as events reached the view before {@link FxHandOff}. */
    private static final class OneTaskEach<T> implements Feed<T> {
        private final Consumer<T> show;
        private final java.util.concurrent.atomic.AtomicLong offered = new java.util.concurrent.atomic.AtomicLong();
        private final java.util.concurrent.atomic.AtomicLong shown = new java.util.concurrent.atomic.AtomicLong();

        OneTaskEach(Consumer<T> show) {
            this.show = show;
        }

        @Override
        public void offer(T item) {
            offered.incrementAndGet();
            Platform.runLater(() -> {
                show.accept(item);
                shown.incrementAndGet();
            });
        }

        @Override
        public long waiting() {
            return offered.get() - shown.get();
        }
    }

    private static <T> Feed<T> feed(FxHandOff<T> handOff) {
        return new Feed<>() {
            @Override
            public void offer(T item) {
                handOff.offer(item);
            }

            @Override
            public long waiting() {
                return handOff.pending();
            }
        };
    }

    /** As the run pane feeds its view: repeats merged while they wait. */
    private static Feed<AuditEvent> eventHandOff(EventsView view) {
        FxHandOff<EventsView.Repeated> handOff = FxHandOff.merging(EventsView.KEEP_EVENTS, event -> 1,
                EventsView.Repeated::key, EventsView.Repeated::then, Platform::runLater, (batch, dropped) -> view.addAll(batch));
        return new Feed<>() {
            @Override
            public void offer(AuditEvent event) {
                handOff.offer(EventsView.Repeated.once(event));
            }

            @Override
            public long waiting() {
                return handOff.pending();
            }
        };
    }

    private static Feed<String> outputHandOff(OutputView view) {
        return feed(new FxHandOff<>(OutputView.KEEP_CHARACTERS, line -> line.length() + 1, Platform::runLater,
                (batch, dropped) -> view.append(OutputChannel.STDOUT, String.join("\n", batch) + "\n")));
    }

    /**
     * Feeds {@code items} from a thread of its own ({@code perSecond} a second, or as fast as they
     * come for 0) while a pinger measures the FX thread's delay, then waits until {@code shownLast}
     * gives the last item.
     */
    private static <T> void measure(boolean print, String name, List<T> items, int perSecond, Feed<T> feed,
            java.util.function.Supplier<Object> shownLast, Runnable clear) throws Exception {
        onFx(clear);
        long[] mostWaiting = {0};
        AtomicBoolean flooding = new AtomicBoolean(true);
        List<Long> delays = new ArrayList<>();
        Thread pinger = new Thread(() -> {
            while (flooding.get()) {
                long posted = System.nanoTime();
                CompletableFuture<Long> ran = new CompletableFuture<>();
                Platform.runLater(() -> ran.complete(System.nanoTime()));
                try {
                    delays.add(ran.get(10, TimeUnit.MINUTES) - posted);
                    Thread.sleep(20);
                } catch (Exception e) {
                    return;
                }
            }
        }, "ping");
        pinger.start();
        Thread waitingSampler = new Thread(() -> {
            while (flooding.get()) {
                mostWaiting[0] = Math.max(mostWaiting[0], feed.waiting());
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "waiting");
        waitingSampler.setDaemon(true);
        waitingSampler.start();
        long start = System.nanoTime();
        for (int i = 0; i < items.size(); i++) {
            feed.offer(items.get(i));
            if (perSecond > 0) {
                long due = start + (long) (i + 1) * 1_000_000_000L / perSecond;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
            }
        }
        long fed = System.nanoTime();
        // What the flood left waiting for the FX thread (the FX thread may still be busy with it).
        Object last = items.get(items.size() - 1);
        long shownAt = 0;
        while (shownAt == 0) {
            Object shown = onFx(shownLast::get);
            if (shown == last || last.equals(shown)) {
                shownAt = System.nanoTime();
            } else {
                Thread.sleep(5);
            }
        }
        flooding.set(false);
        pinger.join();
        waitingSampler.join();
        if (!print) {
            return;
        }
        long[] sorted = delays.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf(Locale.ROOT, "%-50s fed in %6.2f s; FX-thread delay median %6.1f ms, p99 %7.1f ms, max %7.1f ms;"
                        + " last item shown %7.1f ms after; items waiting for the FX thread at most %,d%n", name + ":", (fed - start) / 1e9,
                percentile(sorted, 0.5) / 1e6, percentile(sorted, 0.99) / 1e6, sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6,
                (shownAt - fed) / 1e6, mostWaiting[0]);
    }

    private static long percentile(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.floor(p * sorted.length))];
    }


    /** Denials of distinct files, as a process that walks a tree it may not read makes them. */
    private static List<AuditEvent> events(int count) {
        LogLineParser parser = new LogLineParser();
        List<AuditEvent> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String line = String.format(Locale.ROOT, "[ 69.%06d] audit: type=1400 audit(1700000000.%03d:%d): apparmor=\"DENIED\""
                    + " operation=\"open\" class=\"file\" profile=\"abtest\" name=\"/srv/data/%d/file-%d\" pid=%d comm=\"worker\""
                    + " requested_mask=\"r\" denied_mask=\"r\" fsuid=1000 ouid=0", i % 1_000_000, i % 1000, 1000 + i,
                    i / 100, i, 100 + i % 30_000);
            events.add(parser.parseEvent(line, "bench", i + 1));
        }
        return events;
    }

    /** A process that retries three denied opens in a loop. */
    private static List<AuditEvent> retries(int count) {
        LogLineParser parser = new LogLineParser();
        String[] files = {"/srv/secret", "/etc/shadow", "/srv/token"};
        List<AuditEvent> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            events.add(parser.parseEvent(String.format(Locale.ROOT, "audit: type=1400 audit(1700000000.%03d:%d):"
                    + " apparmor=\"DENIED\" operation=\"open\" class=\"file\" profile=\"abtest\" name=\"%s\" pid=%d"
                    + " comm=\"worker\" requested_mask=\"r\" denied_mask=\"r\" fsuid=1000 ouid=0", i % 1000, 1000 + i,
                    files[i % 3], 100 + i), "bench", i + 1));
        }
        return events;
    }

    private static List<String> outputLines(int count) {
        String[] lines = new String[count];
        Arrays.setAll(lines, i -> "worker " + i + ": processed /srv/data/" + i / 100 + "/file-" + i + " in 3 ms");
        return Arrays.asList(lines);
    }

    private static void onFx(Runnable action) throws Exception {
        onFx(() -> {
            action.run();
            return null;
        });
    }

    private static <T> T onFx(java.util.function.Supplier<T> action) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(action.get());
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(10, TimeUnit.MINUTES);
    }
}
