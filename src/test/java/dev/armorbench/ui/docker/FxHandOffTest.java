package dev.armorbench.ui.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The hand-off from a run's threads to the FX thread, with an FX thread stood in for by hand. */
class FxHandOffTest {
    /** Runs the scheduled drains only when told: an FX thread that has fallen behind. */
    private static final class SlowFxThread implements java.util.concurrent.Executor {
        final ArrayDeque<Runnable> tasks = new ArrayDeque<>();

        @Override
        public void execute(Runnable task) {
            tasks.add(task);
        }

        void catchUp() {
            for (Runnable task = tasks.poll(); task != null; task = tasks.poll()) {
                task.run();
            }
        }
    }

    private final List<List<String>> batches = new ArrayList<>();
    private final List<Long> dropCounts = new ArrayList<>();

    private FxHandOff<String> handOff(long capacity, SlowFxThread fx) {
        return new FxHandOff<>(capacity, String::length, fx, (items, dropped) -> {
            batches.add(items);
            dropCounts.add(dropped);
        });
    }

    @Test
    void itemsOfferedWhileADrainWaitsGoInThatOneBatchInOrder() {
        SlowFxThread fx = new SlowFxThread();
        FxHandOff<String> handOff = handOff(1_000, fx);
        handOff.offer("a");
        handOff.offer("b");
        handOff.offer("c");
        assertThat(fx.tasks).hasSize(1);
        fx.catchUp();
        handOff.offer("d");
        assertThat(fx.tasks).hasSize(1);
        fx.catchUp();
        assertThat(batches).containsExactly(List.of("a", "b", "c"), List.of("d"));
        assertThat(dropCounts).containsExactly(0L, 0L);
    }

    @Test
    void aFloodWhileTheFxThreadIsBehindKeepsOnlyTheNewestCapacityAndCountsTheRest() {
        SlowFxThread fx = new SlowFxThread();
        FxHandOff<String> handOff = handOff(100, fx);
        for (int i = 0; i < 100_000; i++) {
            handOff.offer(String.format("%04d", i % 10_000)); // each weighs 4
        }
        assertThat(fx.tasks).hasSize(1);
        assertThat(handOff.pending()).isEqualTo(25);
        fx.catchUp();
        assertThat(handOff.pending()).isZero();
        assertThat(batches).hasSize(1);
        // 25 items of 4 are the newest 100; one more would be past the capacity.
        assertThat(batches.get(0)).containsExactlyElementsOf(
                IntStream.range(9_975, 10_000).mapToObj(i -> String.format("%04d", i)).toList());
        assertThat(dropCounts).containsExactly(100_000L - 25);
    }

    @Test
    void itKeepsJustEnoughOfTheNewestToFillTheCapacity() {
        SlowFxThread fx = new SlowFxThread();
        FxHandOff<String> handOff = handOff(10, fx);
        for (String line : List.of("aaaaaaaa", "bbbbbbbb", "cc", "ddddd", "ee")) {
            handOff.offer(line);
        }
        fx.catchUp();
        // "ddddd" + "ee" weigh 7, under 10: "cc" is needed as well (9), and "bbbbbbbb" too (17);
        // "aaaaaaaa" is not (without it, 17 ≥ 10).
        assertThat(batches).containsExactly(List.of("bbbbbbbb", "cc", "ddddd", "ee"));
        assertThat(dropCounts).containsExactly(1L);
    }

    @Test
    void drainingByHandShowsWhatIsPendingAndTheScheduledDrainThenFindsNothing() {
        SlowFxThread fx = new SlowFxThread();
        FxHandOff<String> handOff = handOff(1_000, fx);
        handOff.offer("last line");
        handOff.drainNow(); // the run ended: its last lines are shown before its result
        fx.catchUp();
        assertThat(batches).containsExactly(List.of("last line"));
    }

    @Test
    void repeatsMergeWhileTheyWaitSoAFloodOfFewKeysKeepsEveryCount() {
        SlowFxThread fx = new SlowFxThread();
        List<List<String>> shown = new ArrayList<>();
        // "key:count"; the same key merges by adding the counts.
        FxHandOff<String> handOff = FxHandOff.merging(3, line -> 1, line -> line.substring(0, line.indexOf(':')),
                (waiting, offered) -> waiting.substring(0, waiting.indexOf(':') + 1)
                        + (count(waiting) + count(offered)), fx, (items, dropped) -> shown.add(items));
        for (int i = 0; i < 100_000; i++) {
            handOff.offer((i % 2 == 0 ? "open /srv/secret" : "open /etc/shadow") + ":1");
        }
        handOff.offer("open /srv/token:1");
        assertThat(handOff.pending()).isEqualTo(3);
        fx.catchUp();
        assertThat(shown).containsExactly(List.of("open /srv/secret:50000", "open /etc/shadow:50000", "open /srv/token:1"));
    }

    private static int count(String item) {
        return Integer.parseInt(item.substring(item.indexOf(':') + 1));
    }

    @Test
    void fromManyThreadsEveryItemIsShownOrCountedAndEachThreadsOrderHolds() throws Exception {
        ExecutorService fxThread = Executors.newSingleThreadExecutor();
        List<String> shown = new ArrayList<>(); // only the stand-in FX thread touches it
        long[] dropped = {0};
        int[] largestBatch = {0};
        FxHandOff<String> handOff = new FxHandOff<>(500, line -> 1, fxThread, (items, droppedBefore) -> {
            shown.addAll(items);
            largestBatch[0] = Math.max(largestBatch[0], items.size());
            dropped[0] += droppedBefore;
        });
        int threads = 4;
        int each = 50_000;
        ExecutorService producers = Executors.newFixedThreadPool(threads);
        for (int t = 0; t < threads; t++) {
            int producer = t;
            producers.execute(() -> {
                for (int i = 0; i < each; i++) {
                    handOff.offer(producer + ":" + i);
                }
            });
        }
        producers.shutdown();
        assertThat(producers.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        fxThread.submit(handOff::drainNow).get(60, TimeUnit.SECONDS);
        fxThread.shutdown();
        assertThat(fxThread.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

        assertThat(shown.size() + dropped[0]).isEqualTo((long) threads * each);
        assertThat(largestBatch[0]).isBetween(1, 500);
        int[] lastSeen = new int[threads];
        java.util.Arrays.fill(lastSeen, -1);
        for (String item : shown) {
            int producer = Integer.parseInt(item.substring(0, item.indexOf(':')));
            int index = Integer.parseInt(item.substring(item.indexOf(':') + 1));
            assertThat(index).as("order of producer %d", producer).isGreaterThan(lastSeen[producer]);
            lastSeen[producer] = index;
        }
    }
}
