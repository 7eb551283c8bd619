package dev.armorbench.trial;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** A {@link ContainerOutputListener} that keeps what it hears, for assertions. */
final class RecordedOutput implements ContainerOutputListener {
    private final Map<OutputChannel, StringBuilder> text = new EnumMap<>(OutputChannel.class);
    private final CountDownLatch ended = new CountDownLatch(1);
    private volatile Optional<EngineProblem> endProblem;
    private volatile int ends;

    @Override
    public synchronized void onOutput(OutputChannel channel, String piece) {
        text.computeIfAbsent(channel, c -> new StringBuilder()).append(piece);
        notifyAll();
    }

    @Override
    public void onEnd(Optional<EngineProblem> problem) {
        endProblem = problem;
        ends++;
        ended.countDown();
    }

    synchronized String text(OutputChannel channel) {
        StringBuilder builder = text.get(channel);
        return builder == null ? "" : builder.toString();
    }

    /** Waits for the end of the output and returns its problem, failing when it does not come. */
    Optional<EngineProblem> awaitEnd(Duration timeout) throws InterruptedException {
        if (!ended.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("the output did not end within " + timeout.toSeconds() + " s");
        }
        if (ends != 1) {
            throw new AssertionError("onEnd was called " + ends + " times");
        }
        return endProblem;
    }

    /** Waits until the channel's text contains the expected text. */
    synchronized void awaitText(OutputChannel channel, String expected, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!text(channel).contains(expected)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("no '" + expected + "' on " + channel + " within " + timeout.toSeconds()
                        + " s; got: " + text(channel));
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }
}
