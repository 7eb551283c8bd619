package dev.armorbench.e2e;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A Debian bookworm guest with a real AppArmor kernel, Docker and Java 17, booted under qemu's
 * software emulation (the machines' KVM cannot run a stock kernel). {@link #build()} builds it once
 * and caches it; {@link #run} boots it clean (the root disk is attached {@code snapshot=on}) with a
 * test's files on a second disk, runs the test's script as the guest's workload and returns its
 * output and exit code, read from the guest's second serial port.
 *
 * <p>Only starting the guest is retried (a boot that never reaches the workload); a workload that
 * fails or runs out of time is reported as it is.
 */
public final class AppArmorGuest {
    /** Boot to the workload takes about 6 s on an idle machine; allow for a loaded one. */
    private static final Duration BOOT_TIMEOUT = Duration.ofMinutes(3);
    private static final int BOOT_ATTEMPTS = 3;
    private static final String BOOTED = "ARMORBENCH-BOOTED\n";
    private static final Pattern EXIT = Pattern.compile("(?m)^ARMORBENCH-EXIT (\\d+)\\s*$");
    private static final List<String> TOOLS = List.of("qemu-system-x86_64", "debootstrap", "mkfs.ext4", "cpio");

    private final GuestImage image;
    private final Path scripts;

    private AppArmorGuest(GuestImage image, Path scripts) {
        this.image = image;
        this.scripts = scripts;
    }

    /**
     * The guest scripts of this project ({@code src/test/guest}, found from the working directory,
     * which is the project's base directory under Maven; {@code -Darmorbench.guest.scripts=DIR}
     * points elsewhere).
     */
    public static Path scripts() {
        return Path.of(System.getProperty("armorbench.guest.scripts", "src/test/guest")).toAbsolutePath();
    }

    /**
     * Why the guest cannot be built or booted on this machine (missing tools, not root), or empty
     * when it can. A guest already in the cache needs only qemu and mkfs.ext4.
     */
    public static Optional<String> unavailableReason() {
        List<String> missing = new ArrayList<>();
        boolean built = GuestCache.standard(scripts()).isBuilt();
        for (String tool : TOOLS) {
            if ((built && (tool.equals("debootstrap") || tool.equals("cpio"))) || onPath(tool)) {
                continue;
            }
            missing.add(tool);
        }
        List<String> reasons = new ArrayList<>();
        if (!missing.isEmpty()) {
            reasons.add("the AppArmor guest needs " + String.join(", ", missing)
                    + " (.ci/guest-setup.sh installs them: qemu-system-x86 debootstrap e2fsprogs cpio)");
        }
        if (!built && !"root".equals(System.getProperty("user.name"))) {
            reasons.add("building the AppArmor guest needs root (debootstrap); run the tests as root once");
        }
        return reasons.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", reasons));
    }

    private static boolean onPath(String tool) {
        String path = System.getenv().getOrDefault("PATH", "") + ":/usr/sbin:/sbin";
        return Stream.of(path.split(File.pathSeparator))
                .filter(dir -> !dir.isEmpty())
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, tool)));
    }

    /** The guest for the current build script and package list, built now if the cache lacks it. */
    public static AppArmorGuest build() {
        Path scripts = scripts();
        GuestCache cache = GuestCache.standard(scripts);
        boolean cached = cache.isBuilt();
        long started = System.nanoTime();
        GuestImage image = cache.buildOrReuse();
        System.out.printf("guest: %s %s in %.1f s%n", cached ? "reused cached guest" : "built guest",
                image.directory(), seconds(System.nanoTime() - started));
        return new AppArmorGuest(image, scripts);
    }

    /**
     * Boots the guest clean, with {@code files} (name in the guest → file here) readable under
     * {@code $ARMORBENCH_FILES} ({@code /armorbench/files}) and the shell functions of
     * {@code src/test/guest/lib} under {@code $ARMORBENCH_LIB}, and runs {@code script} with
     * {@code /bin/sh} as root in a writable {@code /tmp/work}.
     *
     * @param timeout how long the workload may run once the guest has booted
     * @throws GuestFailure when the guest does not boot after retries, the workload runs out of
     *     time, or the guest stops without reporting the workload's exit code
     */
    public GuestResult run(Map<String, Path> files, String script, Duration timeout) {
        Path runDirectory;
        try {
            runDirectory = Files.createTempDirectory("armorbench-guest-run-");
            Path runDisk = writeRunDisk(runDirectory, files, script);
            for (int attempt = 1; ; attempt++) {
                Optional<GuestResult> result = attempt(runDirectory, runDisk, timeout, attempt);
                if (result.isPresent()) {
                    GuestCache.deleteTree(runDirectory);
                    return result.get();
                }
                if (attempt == BOOT_ATTEMPTS) {
                    throw new GuestFailure("The guest did not boot in " + BOOT_ATTEMPTS + " attempts of "
                            + BOOT_TIMEOUT.toSeconds() + " s; consoles kept in " + runDirectory);
                }
            }
        } catch (IOException e) {
            throw new GuestFailure("Cannot prepare the guest run: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GuestFailure("Interrupted while the guest ran", e);
        }
    }

    /**
     * The run's second disk: guest-init.sh (the guest's PID 1 for this run), the workload, the
     * shell library and the test's files, packed with {@code mkfs.ext4 -d}.
     */
    private Path writeRunDisk(Path runDirectory, Map<String, Path> files, String script) throws IOException,
            InterruptedException {
        Path tree = Files.createDirectories(runDirectory.resolve("disk"));
        Files.copy(scripts.resolve("guest-init.sh"), tree.resolve("guest-init.sh"));
        Files.writeString(tree.resolve("script.sh"), script, StandardCharsets.UTF_8);
        Path lib = Files.createDirectories(tree.resolve("lib"));
        try (Stream<Path> shellLibrary = Files.list(scripts.resolve("lib"))) {
            for (Path file : shellLibrary.toList()) {
                Files.copy(file, lib.resolve(file.getFileName()));
            }
        }
        Path filesDirectory = Files.createDirectories(tree.resolve("files"));
        long bytes = 0;
        for (Map.Entry<String, Path> file : files.entrySet()) {
            Path target = filesDirectory.resolve(file.getKey()).normalize();
            if (!target.startsWith(filesDirectory)) {
                throw new IllegalArgumentException("A guest file name must stay inside the files directory: "
                        + file.getKey());
            }
            Files.createDirectories(target.getParent());
            Files.copy(file.getValue(), target);
            bytes += Files.size(target);
        }
        Path disk = runDirectory.resolve("run.img");
        long mebibytes = 16 + bytes * 2 / (1024 * 1024);
        Process mkfs = new ProcessBuilder("mkfs.ext4", "-q", "-F", "-L", "armorbench-run", "-d", tree.toString(),
                disk.toString(), mebibytes + "M")
                .redirectErrorStream(true)
                .start();
        String mkfsOutput = new String(mkfs.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (mkfs.waitFor() != 0) {
            throw new GuestFailure("mkfs.ext4 -d failed for the run disk: " + mkfsOutput);
        }
        return disk;
    }

    /** One boot; empty when the guest did not reach the workload (the caller may try again). */
    private Optional<GuestResult> attempt(Path runDirectory, Path runDisk, Duration timeout, int attempt)
            throws IOException, InterruptedException {
        Path console = runDirectory.resolve("console-" + attempt + ".log");
        Path channel = runDirectory.resolve("result-" + attempt + ".log");
        Process qemu = new ProcessBuilder(qemuCommand(runDisk, console, channel))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectErrorStream(true)
                .redirectOutput(runDirectory.resolve("qemu-" + attempt + ".log").toFile())
                .start();
        try {
            FileTail tail = new FileTail(channel, "guest| ", System.out);
            StringBuilder received = new StringBuilder();
            long started = System.nanoTime();
            long bootDeadline = started + BOOT_TIMEOUT.toNanos();
            while (received.indexOf(BOOTED) < 0) {
                received.append(tail.poll());
                if (received.indexOf(BOOTED) >= 0) {
                    break;
                }
                if (!qemu.isAlive() || System.nanoTime() > bootDeadline) {
                    System.out.printf("guest: boot attempt %d failed (%s); console: %s%n", attempt,
                            qemu.isAlive() ? "no boot marker within " + BOOT_TIMEOUT.toSeconds() + " s"
                                    : "qemu exited with " + qemu.exitValue(),
                            lastLines(console, 15));
                    return Optional.empty();
                }
                Thread.sleep(100);
            }
            long booted = System.nanoTime();
            Duration boot = Duration.ofNanos(booted - started);
            System.out.printf("guest: booted in %.1f s%n", seconds(booted - started));

            long runDeadline = booted + timeout.toNanos();
            while (qemu.isAlive()) {
                received.append(tail.poll());
                if (System.nanoTime() > runDeadline) {
                    throw new GuestFailure("The guest's workload ran longer than " + timeout.toSeconds()
                            + " s; its output so far:\n" + received + "\nconsole: " + lastLines(console, 30)
                            + "\n(logs kept in " + runDirectory + ")");
                }
                qemu.waitFor(200, TimeUnit.MILLISECONDS);
            }
            received.append(tail.poll());
            Duration run = Duration.ofNanos(System.nanoTime() - booted);
            String output = received.substring(received.indexOf(BOOTED) + BOOTED.length());
            Matcher exit = EXIT.matcher(output);
            int exitCode = -1;
            int outputEnd = -1;
            while (exit.find()) {
                exitCode = Integer.parseInt(exit.group(1));
                outputEnd = exit.start();
            }
            if (outputEnd < 0) {
                throw new GuestFailure("The guest stopped without reporting the workload's exit code; output:\n"
                        + output + "\nconsole: " + lastLines(console, 30) + "\n(logs kept in " + runDirectory + ")");
            }
            System.out.printf("guest: workload exited %d after %.1f s (boot %.1f s)%n", exitCode,
                    seconds(run.toNanos()), seconds(boot.toNanos()));
            return Optional.of(new GuestResult(exitCode, output.substring(0, outputEnd), boot, run));
        } finally {
            stop(qemu);
        }
    }

    private List<String> qemuCommand(Path runDisk, Path console, Path channel) {
        return List.of("qemu-system-x86_64",
                "-accel", "tcg,thread=multi", "-cpu", "max", "-m", "2048", "-smp", "2", "-machine", "q35",
                "-nographic", "-monitor", "none", "-no-reboot",
                "-kernel", image.kernel().toString(),
                "-initrd", image.initramfs().toString(),
                "-append", "console=ttyS0 root=/dev/vda apparmor=1 security=apparmor quiet panic=-1",
                "-drive", "file=" + image.rootImage() + ",format=raw,if=virtio,snapshot=on",
                "-drive", "file=" + runDisk + ",format=raw,if=virtio,readonly=on",
                "-serial", "file:" + console,
                "-serial", "file:" + channel);
    }

    private static void stop(Process qemu) throws InterruptedException {
        if (qemu.isAlive()) {
            qemu.destroy();
            if (!qemu.waitFor(5, TimeUnit.SECONDS)) {
                qemu.destroyForcibly();
                qemu.waitFor(5, TimeUnit.SECONDS);
            }
        }
    }

    private static String lastLines(Path file, int count) {
        try {
            if (!Files.exists(file)) {
                return "(no console output)";
            }
            List<String> lines = List.of(new String(Files.readAllBytes(file), StandardCharsets.UTF_8)
                    .replace("\r", "").split("\n"));
            return "\n  " + String.join("\n  ", lines.subList(Math.max(0, lines.size() - count), lines.size()));
        } catch (IOException e) {
            return "(console unreadable: " + e.getMessage() + ")";
        }
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
