package dev.armorbench.trial.run;

import dev.armorbench.audit.AuditEvent;
import dev.armorbench.audit.EventKind;
import dev.armorbench.audit.EventStream;
import dev.armorbench.audit.RepeatAggregator;
import dev.armorbench.suggest.RulelessEvents;
import dev.armorbench.suggest.Suggester;
import dev.armorbench.suggest.Suggestion;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The events of one run, read on their own thread: each goes to the listener, is counted and
 * folded, and feeds the suggester, whose suggestions are handed out again (at most a few times a
 * second) whenever an event asked for a rule. The suggester is used on this thread only.
 */
final class RunEvents {
    /**
     * How often suggestions are recomputed while events pour in: at most every 250 ms, and never
     * more than a fifth of the time (thousands of distinct accesses take a while to turn into
     * suggestions, and the events must go on being read meanwhile).
     */
    private static final long SUGGEST_EVERY_NANOS = 250_000_000L;
    private static final int READING_SHARE = 4;
    private static final int DISTINCT_CAPACITY = 10_000;

    private final EventStream stream;
    private final Suggester suggester;
    private final TrialListener listener;
    private final RepeatAggregator distinct = new RepeatAggregator(DISTINCT_CAPACITY);
    private final EnumMap<EventKind, Long> byKind = new EnumMap<>(EventKind.class);
    private final Thread thread;
    private volatile long finishAt = Long.MAX_VALUE;
    private volatile long quietNanos;
    private volatile long lastEventAt = System.nanoTime();
    private List<Suggestion> suggestions = List.of();
    private boolean suggestionsStale;
    private long suggestedAt;
    private long suggestTookNanos;

    RunEvents(EventStream stream, Suggester suggester, TrialListener listener) {
        this.stream = stream;
        this.suggester = suggester;
        this.listener = listener;
        this.thread = new Thread(this::pump, "armorbench trial events");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    private void pump() {
        try {
            while (true) {
                List<AuditEvent> batch = stream.poll(512, Duration.ofMillis(100));
                long now = System.nanoTime();
                for (AuditEvent event : batch) {
                    take(event);
                }
                if (!batch.isEmpty()) {
                    lastEventAt = now;
                }
                if (suggestionsStale && now - suggestedAt >= Math.max(SUGGEST_EVERY_NANOS, READING_SHARE * suggestTookNanos)) {
                    publishSuggestions();
                }
                if (now >= finishAt || now - lastEventAt >= quietNanos && finishAt != Long.MAX_VALUE
                        && stream.queued() == 0) {
                    return;
                }
                if (!stream.isActive() && batch.isEmpty() && finishAt != Long.MAX_VALUE) {
                    return; // every source ended (a recorded log read to its end)
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            stream.close();
        }
    }

    private void take(AuditEvent event) {
        byKind.merge(event.kind(), 1L, Long::sum);
        distinct.add(event);
        long used = suggester.eventsUsed();
        suggester.accept(event);
        if (suggester.eventsUsed() != used) {
            suggestionsStale = true;
        }
        listener.event(event);
    }

    private void publishSuggestions() {
        long start = System.nanoTime();
        suggestions = suggester.suggestions();
        suggestionsStale = false;
        suggestedAt = System.nanoTime();
        suggestTookNanos = suggestedAt - start;
        listener.suggestionsChanged(suggestions);
    }

    /**
     * After the container's exit: reads on until no event came for {@code quiet} (the kernel's last
     * records of the run are on their way), at most {@code longest}, then closes the sources.
     */
    void finish(Duration quiet, Duration longest) throws InterruptedException {
        quietNanos = quiet.toNanos();
        lastEventAt = Math.max(lastEventAt, System.nanoTime());
        finishAt = System.nanoTime() + longest.toNanos();
        thread.join();
        if (suggestionsStale) {
            publishSuggestions();
        }
    }

    /** Stops reading at once (the run failed before the container ran). */
    void abandon() throws InterruptedException {
        finishAt = 0;
        thread.join();
    }

    Map<EventKind, Long> byKind() {
        return byKind;
    }

    List<RepeatAggregator.Entry> distinct() {
        return distinct.entries();
    }

    List<Suggestion> suggestions() {
        return suggestions;
    }

    long lost() {
        return stream.dropped();
    }

    /** The events no rule kind covers; read it after {@link #finish}, when the reading thread has ended. */
    RulelessEvents ruleless() {
        return suggester.ruleless();
    }

    List<String> failures() {
        return stream.failures();
    }
}
