package dev.armorbench.ui.docker;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.BinaryOperator;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * Hands what a run's threads report (the container's output lines, AppArmor events) to the FX
 * thread in batches: one task per batch, never one per item, and never more pending than the view
 * keeps. A container that floods its output or the kernel's log would otherwise queue one FX task
 * per line, without bound: the window would stop answering and the heap would grow until the flood
 * ends.
 *
 * <p>When the FX thread falls behind, the oldest pending items are dropped as long as the newer
 * ones still weigh at least {@code capacity}. The views this feeds show only their newest
 * {@code capacity} worth anyway ({@link EventsView#KEEP_EVENTS} distinct events, {@link OutputView#KEEP_CHARACTERS}
 * characters), so what is dropped is only what they would have dropped on arrival; the count of
 * dropped items goes with the batch.
 *
 * <p>Items may also be merged while they wait ({@link #merging}): the repeats of one event become
 * one item with a count, so a retry loop's thousands of events take one place, and are all counted.
 *
 * <p>{@link #offer} from any thread; the batch consumer and {@link #drainNow} on the FX thread.
 */
final class FxHandOff<T> {
    /** What the FX thread does with one batch, oldest first, and how many older items were dropped before it. */
    @FunctionalInterface
    interface Batch<T> {
        void show(List<T> items, long dropped);
    }

    /** The items waiting for the FX thread, least recently offered first. */
    private interface Waiting<T> {
        /** Adds {@code item}; returns the waiting item it was merged into, or null. */
        T add(T item);

        /** The item {@link #add} kept last (the offered one, or what it was merged into). */
        T newest();

        T oldest();

        void removeOldest();

        int size();

        /** Every waiting item, oldest first, and none left. */
        List<T> takeAll();
    }

    /** Each item on its own, in the order offered: the plain hand-off, an array's work per item. */
    private static final class InOrder<T> implements Waiting<T> {
        private final ArrayDeque<T> items = new ArrayDeque<>();

        @Override
        public T add(T item) {
            items.addLast(item);
            return null;
        }

        @Override
        public T newest() {
            return items.peekLast();
        }

        @Override
        public T oldest() {
            return items.peekFirst();
        }

        @Override
        public void removeOldest() {
            items.removeFirst();
        }

        @Override
        public int size() {
            return items.size();
        }

        @Override
        public List<T> takeAll() {
            List<T> all = new ArrayList<>(items);
            items.clear();
            return all;
        }
    }

    /** Items of one key merged into one, which then waits as the most recently offered. */
    private static final class Merged<T> implements Waiting<T> {
        private final Function<? super T, Object> key;
        private final BinaryOperator<T> merge;
        private final LinkedHashMap<Object, T> byKey = new LinkedHashMap<>();
        private T newest;

        Merged(Function<? super T, Object> key, BinaryOperator<T> merge) {
            this.key = key;
            this.merge = merge;
        }

        @Override
        public T add(T item) {
            Object itemKey = key.apply(item);
            T before = byKey.remove(itemKey);
            newest = before == null ? item : merge.apply(before, item);
            byKey.put(itemKey, newest);
            return before;
        }

        @Override
        public T newest() {
            return newest;
        }

        @Override
        public T oldest() {
            return byKey.values().iterator().next();
        }

        @Override
        public void removeOldest() {
            Iterator<T> oldestFirst = byKey.values().iterator();
            oldestFirst.next();
            oldestFirst.remove();
        }

        @Override
        public int size() {
            return byKey.size();
        }

        @Override
        public List<T> takeAll() {
            List<T> all = new ArrayList<>(byKey.values());
            byKey.clear();
            return all;
        }
    }

    private final long capacity;
    private final ToLongFunction<? super T> weight;
    private final Batch<T> batch;
    private final Executor fxThread;
    private final Waiting<T> pending;
    private long pendingWeight;
    private long dropped;
    private boolean scheduled;

    /**
     * @param capacity how much pending weight is kept when the FX thread falls behind
     * @param weight   an item's weight (1 for an event, its characters for a line); asked again when it is dropped
     * @param fxThread runs the drain on the FX thread ({@code Platform::runLater})
     */
    FxHandOff(long capacity, ToLongFunction<? super T> weight, Executor fxThread, Batch<T> batch) {
        this(capacity, weight, new InOrder<>(), fxThread, batch);
    }

    private FxHandOff(long capacity, ToLongFunction<? super T> weight, Waiting<T> pending, Executor fxThread,
            Batch<T> batch) {
        this.capacity = capacity;
        this.weight = weight;
        this.pending = pending;
        this.fxThread = fxThread;
        this.batch = batch;
    }

    /**
     * A hand-off where an item whose {@code key} equals a waiting one's is merged into it
     * ({@code merge(waiting, offered)}) instead of waiting on its own; the merged item then waits as
     * the most recently offered.
     */
    static <T> FxHandOff<T> merging(long capacity, ToLongFunction<? super T> weight, Function<? super T, Object> key,
            BinaryOperator<T> merge, Executor fxThread, Batch<T> batch) {
        return new FxHandOff<>(capacity, weight, new Merged<>(key, merge), fxThread, batch);
    }

    /** Queues one item (or merges it into a waiting one); schedules a drain unless one is already waiting. Any thread. */
    void offer(T item) {
        boolean schedule;
        synchronized (this) {
            T mergedInto = pending.add(item);
            pendingWeight += weight.applyAsLong(pending.newest()) - (mergedInto == null ? 0 : weight.applyAsLong(mergedInto));
            for (long oldest = weight.applyAsLong(pending.oldest()); pendingWeight - oldest >= capacity;
                    oldest = weight.applyAsLong(pending.oldest())) {
                pending.removeOldest();
                pendingWeight -= oldest;
                dropped++;
            }
            schedule = !scheduled;
            scheduled = true;
        }
        if (schedule) {
            fxThread.execute(this::drainNow);
        }
    }

    /** How many items wait for the FX thread now. */
    synchronized int pending() {
        return pending.size();
    }

    /** Shows what is pending now, if anything (a scheduled drain, or a run that has just ended). On the FX thread. */
    void drainNow() {
        List<T> items;
        long droppedBefore;
        synchronized (this) {
            scheduled = false;
            if (pending.size() == 0) {
                return;
            }
            items = pending.takeAll();
            droppedBefore = dropped;
            pendingWeight = 0;
            dropped = 0;
        }
        batch.show(items, droppedBefore);
    }
}
