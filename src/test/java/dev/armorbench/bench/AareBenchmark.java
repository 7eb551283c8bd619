package dev.armorbench.bench;

import dev.armorbench.policy.aare.AarePattern;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Throughput of the AARE engine on typical rule shapes: compiles (uncached), matches against paths
 * of audit-log shape, and coverage checks between rule pairs. Prints operations per second.
 *
 * <pre>./mvnw -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.armorbench.bench.AareBenchmark</pre>
 */
public final class AareBenchmark {

    private static final String[] RULES = {
        "/etc/**", "/etc/foo/*.conf", "/usr/{bin,sbin}/*", "/usr/lib{,32,64}/**.so*", "/proc/[0-9]*/{status,maps}",
        "/home/*/.config/app/**", "/tmp/**", "/var/log/app/*.log", "/dev/{null,zero,urandom}", "/sys/devices/**/uevent",
        "/usr/share/{fonts,icons}/**", "/run/user/[0-9]*/bus", "/etc/ssl/certs/*", "/lib/x86_64-linux-gnu/libc.so.6",
        "/{,usr/}lib{,32,64}/ld-linux*.so*", "/opt/app/bin/app",
    };

    private static final String[] PATHS = {
        "/etc/foo/a.conf", "/etc/passwd", "/usr/bin/ls", "/usr/lib64/x/libc.so.6", "/proc/1234/status",
        "/home/alice/.config/app/settings.json", "/tmp/tmp.XYZ123", "/var/log/app/today.log", "/dev/urandom",
        "/sys/devices/pci0000:00/0000:00:02.0/uevent", "/usr/share/icons/hicolor/index.theme", "/run/user/1000/bus",
        "/etc/ssl/certs/ca-certificates.crt", "/lib/x86_64-linux-gnu/libc.so.6", "/usr/lib64/ld-linux-x86-64.so.2",
        "/opt/app/bin/app", "/nowhere/at/all/with/a/longer/path/name.txt",
    };

    private AareBenchmark() {
    }

    public static void main(String[] args) {
        List<AarePattern> rules = new ArrayList<>();
        for (String r : RULES) {
            rules.add(AarePattern.compilePath(r));
        }
        // Warm up, then measure each operation for about a second.
        for (int round = 0; round < 2; round++) {
            boolean print = round == 1;
            measureCompile(print);
            measureMatches(rules, print);
            measureCovers(rules, print);
            measureCoversTypicalPair(print);
        }
    }

    private static void measureCompile(boolean print) {
        Random r = new Random(1);
        long ops = 0;
        long start = System.nanoTime();
        long sink = 0;
        while (System.nanoTime() - start < 1_000_000_000L) {
            // A fresh text each time, so the cache does not answer.
            String text = RULES[(int) (ops % RULES.length)] + "/x" + r.nextInt(1_000_000);
            sink += AarePattern.compilePath(text).literalPrefix().length();
            ops++;
        }
        report(print, "compile (uncached)", ops, System.nanoTime() - start, sink);
    }

    private static void measureMatches(List<AarePattern> rules, boolean print) {
        long ops = 0;
        long hits = 0;
        long start = System.nanoTime();
        while (System.nanoTime() - start < 1_000_000_000L) {
            for (int i = 0; i < 1000; i++) {
                AarePattern rule = rules.get(i % rules.size());
                if (rule.matches(PATHS[(i * 7) % PATHS.length])) {
                    hits++;
                }
            }
            ops += 1000;
        }
        report(print, "matches", ops, System.nanoTime() - start, hits);
    }

    private static void measureCovers(List<AarePattern> rules, boolean print) {
        long ops = 0;
        long yes = 0;
        int n = rules.size();
        long start = System.nanoTime();
        while (System.nanoTime() - start < 1_000_000_000L) {
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    if (rules.get(i).covers(rules.get(j))) {
                        yes++;
                    }
                }
            }
            ops += (long) n * n;
        }
        report(print, "covers (all " + n + "x" + n + " rule pairs)", ops, System.nanoTime() - start, yes);
    }

    private static void measureCoversTypicalPair(boolean print) {
        AarePattern wide = AarePattern.compilePath("/etc/**");
        AarePattern narrow = AarePattern.compilePath("/etc/foo/*.conf");
        long ops = 0;
        long yes = 0;
        long start = System.nanoTime();
        while (System.nanoTime() - start < 1_000_000_000L) {
            for (int i = 0; i < 1000; i++) {
                if (wide.covers(narrow)) {
                    yes++;
                }
            }
            ops += 1000;
        }
        report(print, "covers (/etc/** vs /etc/foo/*.conf)", ops, System.nanoTime() - start, yes);
    }

    private static void report(boolean print, String what, long ops, long nanos, long sink) {
        if (print) {
            System.out.printf("%-40s %,14.0f ops/s  %8.1f ns/op  (check %d)%n", what, ops * 1e9 / nanos,
                    (double) nanos / ops, sink);
        }
    }
}
