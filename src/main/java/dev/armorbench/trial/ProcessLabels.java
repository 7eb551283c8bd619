package dev.armorbench.trial;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
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
        Path attr = procRoot.resolve(Long.toString(hostPid)).resolve("attr");
        if (!Files.isDirectory(procRoot.resolve(Long.toString(hostPid)))) {
            return ConfinementLabel.PROCESS_GONE;
        }
        Path appArmorOnly = attr.resolve("apparmor").resolve("current");
        boolean modernKernel = Files.exists(appArmorOnly);
        Path file = modernKernel ? appArmorOnly : attr.resolve("current");
        try {
            return ConfinementLabel.parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            // attr/ vanished between the checks (the process exited) or the kernel has no LSM files at all.
            return Files.isDirectory(procRoot.resolve(Long.toString(hostPid)))
                    ? ConfinementLabel.NO_APPARMOR : ConfinementLabel.PROCESS_GONE;
        } catch (IOException e) {
            // EINVAL from attr/current: no security module provides a label; ESRCH: the process exited.
            return Files.isDirectory(procRoot.resolve(Long.toString(hostPid)))
                    ? ConfinementLabel.NO_APPARMOR : ConfinementLabel.PROCESS_GONE;
        }
    }
}
