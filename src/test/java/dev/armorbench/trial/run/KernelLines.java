package dev.armorbench.trial.run;

import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kernel log lines recorded in the AppArmor guest (docs/kernel-facts.md), restamped: a trial run
 * keeps only events since its container's start, so a recorded line is given the time of now, as
 * the kernel would stamp it during the run. Everything else of the line stays as recorded.
 */
final class KernelLines {
    private static final Pattern STAMP = Pattern.compile("audit\\((\\d+)\\.(\\d{3}):(\\d+)\\)");

    private KernelLines() {
    }

    /** {@code line} with its {@code audit(EPOCH:SERIAL)} time set to {@code when}. */
    static String stamped(String line, Instant when) {
        Matcher m = STAMP.matcher(line);
        if (!m.find()) {
            throw new IllegalArgumentException("not a kernel audit line: " + line);
        }
        return line.substring(0, m.start()) + "audit(" + when.getEpochSecond() + "."
                + String.format("%03d", when.getNano() / 1_000_000) + ":" + m.group(3) + ")" + line.substring(m.end());
    }
}
