package dev.armorbench.bench;

import dev.armorbench.policy.check.LintResult;
import dev.armorbench.policy.check.PolicyReader;
import dev.armorbench.policy.check.PolicySources;
import dev.armorbench.policy.check.SourceFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Measures linting speed on the shipped profile collections, includes resolved, and compares with
 * the reference tools where they are installed. Run:
 * {@code ./mvnw -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.armorbench.bench.PolicyBenchmark}
 * (optional argument: the corpora folder; default {@code ../shared/corpora}).
 */
public final class PolicyBenchmark {
    private PolicyBenchmark() {
    }

    /** One collection's profiles with the include path they need. */
    record Collection(String name, Path folder, List<Path> searchPath, List<Path> files) {
    }

    public static void main(String[] args) throws Exception {
        Path corpora = Path.of(args.length > 0 ? args[0] : "../shared/corpora").toAbsolutePath().normalize();
        List<Collection> collections = collections(corpora);
        int fileCount = collections.stream().mapToInt(c -> c.files().size()).sum();
        long bytes = 0;
        for (Collection c : collections) {
            for (Path f : c.files()) {
                bytes += Files.size(f);
            }
        }
        System.out.printf("corpus: %d profiles, %.2f MB (profile files only; includes are read as they are included)%n",
                fileCount, bytes / 1e6);

        // Warm-up, then timed rounds with a fresh include cache each round (so every round parses
        // every include once, as one lint run does).
        for (int i = 0; i < 2; i++) {
            lintAll(collections);
        }
        double ourRate = rate("all collections", collections, bytes);
        double mainRate = rate("profiles-apparmor", List.of(collections.get(0)), -1);
        for (Collection c : collections.subList(1, collections.size())) {
            rate(c.name(), List.of(c), -1);
        }

        relint(collections);

        Path features = corpora.resolve("parser-features/features.all");
        List<Path> sample = sample(collections, 200);
        double sampleRate = rate("the 200-file sample below", subset(collections, sample), -1);
        compare("apparmor_parser -p", sample, sampleRate,
                f -> List.of("apparmor_parser", "-p", "-I", searchPathOf(collections, f).get(0).toString(),
                        extraInclude(collections, f), f.toString()));
        List<Path> small = sample(collections, 30);
        compare("apparmor_parser -Q -K -S -M features.all", small, rate("the 30-file sample below", subset(collections, small), -1),
                f -> List.of("apparmor_parser", "-Q", "-K", "-S", "-M", features.toString(), "-I",
                        searchPathOf(collections, f).get(0).toString(), extraInclude(collections, f), f.toString()));
        python(collections, mainRate);
        System.out.printf("(all collections: %.0f files/s)%n", ourRate);
    }

    static List<Collection> collections(Path corpora) throws IOException {
        List<Collection> out = new ArrayList<>();
        Path main = corpora.resolve("profiles-apparmor");
        out.add(new Collection("profiles-apparmor", main, List.of(main), topFiles(main)));
        Path extras = corpora.resolve("profiles-apparmor-extras");
        out.add(new Collection("profiles-apparmor-extras", extras, List.of(extras, main), topFiles(extras)));
        Path community = corpora.resolve("profiles-apparmor.d");
        List<Path> files = new ArrayList<>();
        try (var walk = Files.walk(community)) {
            walk.filter(Files::isRegularFile).sorted().forEach(f -> {
                String top = community.relativize(f).getName(0).toString();
                if (!top.equals("abstractions") && !top.equals("tunables") && !top.equals("mappings")
                        && !PolicySources.isSkipped(f.getFileName().toString())) {
                    files.add(f);
                }
            });
        }
        out.add(new Collection("profiles-apparmor.d", community, List.of(community, main), files));
        return out;
    }

    private static List<Path> topFiles(Path folder) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path f : PolicySources.directoryFiles(folder)) {
            if (!f.getFileName().toString().startsWith("README")) {
                files.add(f);
            }
        }
        return files;
    }

    /** Warm rate over some collections: best of five rounds, wall clock and this thread's CPU time. */
    private static double rate(String label, List<Collection> collections, long bytes) throws IOException {
        int files = collections.stream().mapToInt(c -> c.files().size()).sum();
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        lintAll(collections);
        long bestWall = Long.MAX_VALUE;
        long bestCpu = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            long wall = System.nanoTime();
            long cpu = threads.getCurrentThreadCpuTime();
            lintAll(collections);
            bestWall = Math.min(bestWall, System.nanoTime() - wall);
            bestCpu = Math.min(bestCpu, threads.getCurrentThreadCpuTime() - cpu);
        }
        double rate = files / (bestWall / 1e9);
        System.out.printf("armorbench lint, %s (%d files, warm, best of 5): %.3f s wall = %.0f files/s%s; CPU %.3f s = %.0f files/s%n",
                label, files, bestWall / 1e9, rate, bytes > 0 ? String.format(", %.2f MB/s", bytes / 1e6 / (bestWall / 1e9)) : "",
                bestCpu / 1e9, files / (bestCpu / 1e9));
        return rate;
    }

    private static List<Collection> subset(List<Collection> collections, List<Path> files) {
        List<Collection> out = new ArrayList<>();
        for (Collection c : collections) {
            List<Path> mine = c.files().stream().filter(files::contains).toList();
            out.add(new Collection(c.name(), c.folder(), c.searchPath(), mine));
        }
        return out;
    }

    private static int lintAll(List<Collection> collections) throws IOException {
        int errors = 0;
        for (Collection c : collections) {
            PolicySources sources = new PolicySources(c.searchPath(), c.folder());
            for (Path f : c.files()) {
                if (PolicyReader.lint(f, sources).hasErrors()) {
                    errors++;
                }
            }
        }
        return errors;
    }

    /** Re-lint of one edited 2,000-line profile, includes cached (what the editor does on a keystroke). */
    private static void relint(List<Collection> collections) throws IOException {
        Collection main = collections.get(0);
        PolicySources sources = new PolicySources(main.searchPath(), main.folder());
        StringBuilder text = new StringBuilder("abi <abi/4.0>,\ninclude <tunables/global>\n\nprofile big /usr/bin/big {\n"
                + "  include <abstractions/base>\n  include <abstractions/nameservice>\n");
        int line = 6;
        while (line < 1999) {
            int n = line;
            text.append(switch (n % 6) {
                case 0 -> "  /usr/share/big/" + n + "/** r,\n";
                case 1 -> "  owner @{HOME}/.config/big" + n + "/{,**} rw,\n";
                case 2 -> "  /usr/lib/big/helper" + n + " ix,\n";
                case 3 -> "  network inet stream,\n";
                case 4 -> "  dbus send bus=session path=/org/big/" + n + " member=Get,\n";
                default -> "  # comment " + n + "\n";
            });
            line++;
        }
        text.append("}\n");
        Path file = main.folder().resolve("big-benchmark-profile");
        String original = text.toString();
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 50; i++) {
            String edited = original.replace("/usr/share/big/600/", "/usr/share/big/600" + i + "/");
            long start = System.nanoTime();
            LintResult result = PolicyReader.lint(new SourceFile(file, edited), sources);
            long took = System.nanoTime() - start;
            if (i >= 10) {
                best = Math.min(best, took);
            }
            if (result.hasErrors() && i == 0) {
                System.out.println("  (the synthetic profile has errors: " + result.diagnostics().get(0).message() + ")");
            }
        }
        System.out.printf("re-lint of one edited %d-line profile, includes cached: %.1f ms%n", original.split("\n").length,
                best / 1e6);
    }

    private static List<Path> searchPathOf(List<Collection> collections, Path f) {
        for (Collection c : collections) {
            if (c.files().contains(f)) {
                return c.searchPath();
            }
        }
        return List.of();
    }

    private static String extraInclude(List<Collection> collections, Path f) {
        List<Path> path = searchPathOf(collections, f);
        return "-I" + path.get(path.size() - 1);
    }

    private static List<Path> sample(List<Collection> collections, int count) {
        List<Path> all = new ArrayList<>();
        collections.forEach(c -> all.addAll(c.files()));
        List<Path> out = new ArrayList<>();
        int step = Math.max(1, all.size() / count);
        for (int i = 0; i < all.size() && out.size() < count; i += step) {
            out.add(all.get(i));
        }
        return out;
    }

    interface CommandFor {
        List<String> command(Path file);
    }

    private static void compare(String label, List<Path> files, double ourRate, CommandFor commandFor) throws Exception {
        if (!onPath("apparmor_parser")) {
            System.out.println(label + ": apparmor_parser not installed (apt-get install apparmor), skipped");
            return;
        }
        long start = System.nanoTime();
        for (Path f : files) {
            Process process = new ProcessBuilder(commandFor.command(f)).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            process.waitFor(60, TimeUnit.SECONDS);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double rate = files.size() / seconds;
        System.out.printf("%s: %d files in %.2f s = %.1f files/s; armorbench is %.0fx faster%n", label, files.size(),
                seconds, rate, ourRate / rate);
    }

    private static void python(List<Collection> collections, double ourRate) throws Exception {
        String python = Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
        if (!onPath("python3")) {
            System.out.println("python apparmor.aa: python3 not installed, skipped");
            return;
        }
        Path main = collections.get(0).folder();
        // aa-logprof's reader: read_profiles() parses every profile of a directory, includes resolved.
        String script = String.join("\n",
                "import sys, time",
                "import apparmor.aa as aa",
                "aa.init_aa(confdir='/etc/apparmor', profiledir=sys.argv[1])",
                "import os",
                "files=[f for f in os.listdir(sys.argv[1]) if os.path.isfile(os.path.join(sys.argv[1], f)) and not f.startswith('README')]",
                "t=time.time()",
                "ok=0",
                "for f in files:",
                "    try:",
                "        aa.read_profile(os.path.join(sys.argv[1], f), True)",
                "        ok+=1",
                "    except Exception as e:",
                "        pass",
                "print(len(files), ok, time.time()-t)");
        Process process = new ProcessBuilder(python, "-c", script, main.toString()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        process.waitFor(300, TimeUnit.SECONDS);
        String[] lines = output.split("\n");
        String[] parts = lines[lines.length - 1].trim().split(" ");
        if (parts.length != 3) {
            System.out.println("python apparmor.aa: not available (apt-get install python3-apparmor): " + lines[lines.length - 1]);
            return;
        }
        int files = Integer.parseInt(parts[0]);
        double seconds = Double.parseDouble(parts[2]);
        double rate = files / seconds;
        System.out.printf("python apparmor.aa read_profile (profiles-apparmor, %d files, %s parsed without error): %.2f s = %.0f "
                + "files/s; armorbench is %.0fx faster%n", files, parts[1], seconds, rate, ourRate / rate);
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return Files.isExecutable(Path.of("/usr/sbin", tool));
    }
}
