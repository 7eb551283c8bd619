package dev.armorbench.ui.docker;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
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
 * {@code capacity} worth anyway ({@link EventsView#KEEP_EVENTS} events, {@link OutputView#KEEP_CHARACTERS}
 * characters), so what is dropped is only what they would have dropped on arrival; the count of
 * dropped items goes with the batch.
 *
 * <p>{@link #offer} from any thread; the batch consumer and {@link #drainNow} on the FX thread.
 */
final class FxHandOff<T> {
    /** What the FX thread does with one batch, oldest first, and how many older items were dropped before it. */
    @FunctionalInterface
    interface Batch<T> {
        void show(List<T> items, long dropped);
    }

    private final long capacity;
    private final ToLongFunction<? super T> weight;
    private final Batch<T> batch;
    private final Executor fxThread;
    private final ArrayDeque<T> pending = new ArrayDeque<>();
    private long pendingWeight;
    private long dropped;
    private boolean scheduled;

    /**
     * @param capacity how much pending weight is kept when the FX thread falls behind
     * @param weight   an item's weight (1 for an event, its characters for a line); asked again when it is dropped
     * @param fxThread runs the drain on the FX thread ({@code Platform::runLater})
     */
    FxHandOff(long capacity, ToLongFunction<? super T> weight, Executor fxThread, Batch<T> batch) {
        this.capacity = capacity;
        this.weight = weight;
        this.fxThread = fxThread;
        this.batch = batch;
    }

    /** Queues one item; schedules a drain unless one is already waiting. Any thread. */
    void offer(T item) {
        long itemWeight = weight.applyAsLong(item);
        boolean schedule;
        synchronized (this) {
            pending.addLast(item);
            pendingWeight += itemWeight;
            for (long oldest = weight.applyAsLong(pending.peekFirst()); pendingWeight - oldest >= capacity;
                    oldest = weight.applyAsLong(pending.peekFirst())) {
                pending.removeFirst();
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
            if (pending.isEmpty()) {
                return;
            }
            items = new ArrayList<>(pending);
            droppedBefore = dropped;
            pending.clear();
            pendingWeight = 0;
            dropped = 0;
        }
        batch.show(items, droppedBefore);
    }
}
