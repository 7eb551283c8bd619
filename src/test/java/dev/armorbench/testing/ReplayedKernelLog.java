package dev.armorbench.testing;

import dev.armorbench.audit.LineSource;
import dev.armorbench.audit.LineSplitter;
import dev.armorbench.trial.run.TrialEventSource;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * AppArmor's kernel log for a machine without AppArmor: kernel lines recorded in the AppArmor guest
 * (docs/kernel-facts.md), given out while the container runs and stamped with the time they are
 * given out, as the kernel would stamp them. The run's own filter (profile family, since the start)
 * still decides which ones it keeps.
 */
public final class ReplayedKernelLog implements TrialEventSource {
    /** Recorded for the profile {@code abtest} and its child {@code helper}. */
    public static final List<String> ABTEST = List.of(
            "[  412.113] audit: type=1400 audit(1764391200.113:220): apparmor=\"DENIED\" operation=\"open\""
                    + " profile=\"abtest\" name=\"/srv/secret\" pid=886 comm=\"cat\" requested_mask=\"r\""
                    + " denied_mask=\"r\" fsuid=0 ouid=0",
            "[  412.120] audit: type=1400 audit(1764391200.120:221): apparmor=\"DENIED\" operation=\"open\""
                    + " profile=\"abtest//helper\" name=\"/etc/hostname\" pid=887 comm=\"cat\" requested_mask=\"r\""
                    + " denied_mask=\"r\" fsuid=0 ouid=0",
            "[  412.125] audit: type=1400 audit(1764391200.125:222): apparmor=\"DENIED\" operation=\"open\""
                    + " profile=\"abtest\" name=\"/entry.sh\" pid=861 comm=\"sh\" requested_mask=\"r\""
                    + " denied_mask=\"r\" fsuid=0 ouid=0");
    private static final Pattern STAMP = Pattern.compile("audit\\((\\d+)\\.(\\d{3}):(\\d+)\\)");

    private final List<String> lines;
    private final Duration after;

    /** @param after how long after the source is opened (just before the container starts) the lines come */
    public ReplayedKernelLog(List<String> lines, Duration after) {
        this.lines = List.copyOf(lines);
        this.after = after;
    }

    @Override
    public List<LineSource> open() {
        return List.of(new LineSource() {
            private final CountDownLatch closed = new CountDownLatch(1);

            @Override
            public String name() {
                return "recorded kernel log";
            }

            @Override
            public void run(LineSplitter.LineSink sink) throws InterruptedException {
                if (closed.await(after.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                    return;
                }
                for (String line : lines) {
                    byte[] bytes = stamped(line, Instant.now()).getBytes(StandardCharsets.UTF_8);
                    sink.line(bytes, 0, bytes.length);
                }
                closed.await();
            }

            @Override
            public void close() {
                closed.countDown();
            }
        });
    }

    /**
     * {@code line} with its {@code audit(EPOCH:SERIAL)} time set to {@code when}: a trial run keeps only
     * events since its container's start, so a recorded line gets the time the kernel would give it now.
     */
    public static String stamped(String line, Instant when) {
        Matcher m = STAMP.matcher(line);
        if (!m.find()) {
            throw new IllegalArgumentException("not a kernel audit line: " + line);
        }
        return line.substring(0, m.start()) + "audit(" + when.getEpochSecond() + "."
                + String.format("%03d", when.getNano() / 1_000_000) + ":" + m.group(3) + ")" + line.substring(m.end());
    }
}
