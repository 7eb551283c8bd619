package dev.armorbench.trial.run;

import dev.armorbench.trial.ContainerOutputListener;
import dev.armorbench.trial.EngineProblem;
import dev.armorbench.trial.OutputChannel;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Cuts a container's output into lines per stream: the engine hands over pieces as they were
 * written, and a line can arrive in several. A last line without its line end is given at the end.
 */
final class OutputLines implements ContainerOutputListener {
    private final BiConsumer<OutputChannel, String> lines;
    private final Consumer<Optional<EngineProblem>> end;
    private final Map<OutputChannel, StringBuilder> pending = new EnumMap<>(OutputChannel.class);
    private final CountDownLatch ended = new CountDownLatch(1);

    OutputLines(BiConsumer<OutputChannel, String> lines, Consumer<Optional<EngineProblem>> end) {
        this.lines = lines;
        this.end = end;
    }

    @Override
    public synchronized void onOutput(OutputChannel channel, String text) {
        StringBuilder buffer = pending.computeIfAbsent(channel, c -> new StringBuilder());
        int from = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                buffer.append(text, from, i);
                int length = buffer.length();
                if (length > 0 && buffer.charAt(length - 1) == '\r') {
                    buffer.setLength(length - 1);
                }
                lines.accept(channel, buffer.toString());
                buffer.setLength(0);
                from = i + 1;
            }
        }
        buffer.append(text, from, text.length());
    }

    @Override
    public void onEnd(Optional<EngineProblem> problem) {
        flush();
        end.accept(problem);
        ended.countDown();
    }

    /**
     * Waits for the end of the output: the engine may still be delivering the last frames when the
     * container's exit is already known.
     */
    boolean awaitEnd(Duration wait) throws InterruptedException {
        return ended.await(wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Gives the unfinished last line of each stream. */
    synchronized void flush() {
        for (Map.Entry<OutputChannel, StringBuilder> entry : pending.entrySet()) {
            if (entry.getValue().length() > 0) {
                lines.accept(entry.getKey(), entry.getValue().toString());
                entry.getValue().setLength(0);
            }
        }
    }
}
