package dev.armorbench.trial;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads processes' AppArmor labels from {@code /proc}. Kernels since 5.1 have an AppArmor-only
 * file, {@code attr/apparmor/current}; older ones only the shared {@code attr/current}. A kernel
 * without AppArmor refuses to read {@code attr/current} ({@code EINVAL}): that reads as
 * {@link ConfinementLabel#NO_APPARMOR}, not as an error.
 */
public final class ProcessLabels {
    private final Path procRoot;

    /** Labels from the real {@code /proc}. */
    public ProcessLabels() {
        this(Path.of("/proc"));
    }

    /** Labels from another proc root (a recorded tree in tests). */
    public ProcessLabels(Path procRoot) {
        this.procRoot = procRoot;
    }

    /** The label of a host process. */
    public ConfinementLabel labelOf(long hostPid) {
        Path process = procRoot.resolve(Long.toString(hostPid));
        if (!Files.isDirectory(process)) {
            return ConfinementLabel.PROCESS_GONE;
        }
        Path appArmorOnly = process.resolve("attr").resolve("apparmor").resolve("current");
        Path file = Files.exists(appArmorOnly) ? appArmorOnly : process.resolve("attr").resolve("current");
        try {
            return ConfinementLabel.parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            // The process exited between the checks, or: EINVAL from attr/current (no security module
            // gives labels) or no attr files at all — a kernel without AppArmor.
            return Files.isDirectory(process) ? ConfinementLabel.NO_APPARMOR : ConfinementLabel.PROCESS_GONE;
        }
    }
}
