package dev.armorbench.testing.docker;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Finds the programs the engine tests need on this machine, and says what is missing and how to get it. */
final class HostTools {
    private HostTools() {
    }

    /** A program on PATH or in the sbin directories a non-login root shell may lack on its PATH. */
    static Optional<Path> find(String program) {
        List<String> directories = new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "").split(":")));
        directories.addAll(List.of("/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin"));
        for (String directory : directories) {
            if (directory.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(directory, program);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    static boolean runningAsRoot() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .filter(line -> line.startsWith("Uid:"))
                    .anyMatch(line -> line.split("\\s+")[2].equals("0"));
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Whether an ELF executable is statically linked (has no PT_INTERP program header): Debian's
     * {@code busybox} package installs a dynamic /bin/busybox that cannot run in an empty root
     * filesystem, {@code busybox-static} a static one.
     */
    static boolean isStaticElf(Path executable) {
        try (RandomAccessFile file = new RandomAccessFile(executable.toFile(), "r")) {
            byte[] header = new byte[64];
            file.readFully(header);
            if (header[0] != 0x7f || header[1] != 'E' || header[2] != 'L' || header[3] != 'F' || header[4] != 2) {
                return false;
            }
            ByteBuffer elf = ByteBuffer.wrap(header).order(header[5] == 1 ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
            long programHeaders = elf.getLong(32);
            int entrySize = elf.getShort(54) & 0xffff;
            int entries = elf.getShort(56) & 0xffff;
            for (int i = 0; i < entries; i++) {
                byte[] type = new byte[4];
                file.seek(programHeaders + (long) i * entrySize);
                file.readFully(type);
                if (ByteBuffer.wrap(type).order(elf.order()).getInt() == 3) {
                    return false;
                }
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** What the engine tests lack on this machine, each with its fix; empty when they can run. */
    static List<String> missingForEngineTests() {
        List<String> missing = new ArrayList<>();
        if (!runningAsRoot()) {
            missing.add("root (the tests start their own dockerd)");
        }
        if (find("dockerd").isEmpty()) {
            missing.add("dockerd (apt-get install docker.io)");
        }
        if (find("docker").isEmpty()) {
            missing.add("the docker command (apt-get install docker.io)");
        }
        if (find("tar").isEmpty()) {
            missing.add("tar (apt-get install tar)");
        }
        Path busybox = Path.of("/bin/busybox");
        if (!Files.isRegularFile(busybox) || !isStaticElf(busybox)) {
            missing.add("a static /bin/busybox (apt-get install busybox-static)");
        }
        return missing;
    }
}
