package dev.armorbench.trial.load;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What this machine offers for loading profiles: whether AppArmor is on, where
 * {@code apparmor_parser}, {@code pkexec}, {@code sudo} and the root helper are, who we are, and the
 * kernel's list of loaded profiles. Every file is read under {@link #root()}, so tests lay out a
 * temporary directory like {@code /sys}, {@code /proc} and {@code /usr/sbin}; programs are looked up
 * on the given search path with the root prefixed, and their paths keep that prefix.
 */
public final class AppArmorHost {
    /** Where the package installs the root helper; pkexec's polkit action names the same path. */
    public static final Path ROOT_HELPER = Path.of("/usr/lib/armorbench/armorbench-load-profile");
    /** The polkit action of the root helper (installers/linux/dev.armorbench.load-profile.policy). */
    public static final String POLKIT_ACTION = "dev.armorbench.load-profile";

    private static final List<Path> SYSTEM_DIRECTORIES = List.of(Path.of("/usr/sbin"), Path.of("/sbin"),
            Path.of("/usr/bin"), Path.of("/bin"));

    private final Path root;
    private final List<Path> searchPath;

    /**
     * @param root the file system root ({@code /} on a real machine)
     * @param searchPath absolute directories to find programs in, in order (looked up under {@code root})
     */
    public AppArmorHost(Path root, List<Path> searchPath) {
        this.root = root;
        this.searchPath = List.copyOf(searchPath);
    }

    /** This machine: {@code PATH}, then {@code /usr/sbin} and {@code /sbin} (where Debian puts the parser). */
    public static AppArmorHost system() {
        List<Path> path = new ArrayList<>();
        for (String entry : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!entry.isEmpty() && Path.of(entry).isAbsolute()) {
                path.add(Path.of(entry));
            }
        }
        for (Path dir : SYSTEM_DIRECTORIES) {
            if (!path.contains(dir)) {
                path.add(dir);
            }
        }
        return new AppArmorHost(Path.of("/"), path);
    }

    public Path root() {
        return root;
    }

    /** A path of the real machine (absolute) as seen under this host's root. */
    public Path under(Path absolute) {
        return root.resolve(absolute.toString().substring(1));
    }

    /** AppArmor's directory in securityfs, as the kernel names it (not under the root). */
    public static Path securityfs() {
        return Path.of("/sys/kernel/security/apparmor");
    }

    /**
     * Why profiles cannot be loaded on this kernel, naming the fix; empty when AppArmor is enabled
     * and its securityfs directory is there.
     */
    public Optional<String> appArmorProblem() {
        Path enabled = under(Path.of("/sys/module/apparmor/parameters/enabled"));
        if (!Files.exists(enabled)) {
            return Optional.of("AppArmor is not enabled: this kernel has no AppArmor module "
                    + "(/sys/module/apparmor is missing). Boot a kernel with AppArmor (Debian's and Ubuntu's "
                    + "have it) with 'apparmor=1 security=apparmor' on its command line.");
        }
        String value;
        try {
            value = Files.readString(enabled, StandardCharsets.US_ASCII).trim();
        } catch (IOException e) {
            return Optional.of("AppArmor's state is unknown: cannot read " + enabled + " (" + e.getMessage() + ").");
        }
        if (!value.equals("Y")) {
            return Optional.of("AppArmor is not enabled: the kernel has it but it is switched off ("
                    + "/sys/module/apparmor/parameters/enabled reads '" + value + "'). Add 'apparmor=1 "
                    + "security=apparmor' to the kernel command line (GRUB_CMDLINE_LINUX in /etc/default/grub, "
                    + "then update-grub) and reboot.");
        }
        if (!Files.isDirectory(under(securityfs()))) {
            return Optional.of("AppArmor is enabled but its interface " + securityfs() + " is missing: mount "
                    + "securityfs (mount -t securityfs securityfs /sys/kernel/security) — in a container, "
                    + "load profiles on the host instead.");
        }
        return Optional.empty();
    }

    /** The kernel's list of loaded profiles (unknown, with why, when unreadable). */
    public LoadedProfiles loadedProfiles() {
        return LoadedProfiles.read(under(securityfs().resolve("profiles")));
    }

    /** {@code apparmor_parser}, found on the search path (which includes /usr/sbin and /sbin). */
    public Optional<Path> parser() {
        return program("apparmor_parser");
    }

    public static String parserMissing() {
        return "apparmor_parser is not installed: install the package 'apparmor' (Debian, Ubuntu: "
                + "sudo apt install apparmor; Fedora, openSUSE: apparmor-parser).";
    }

    /** A program found on the search path (under the root: on a real machine, its own path). */
    public Optional<Path> program(String name) {
        for (Path dir : searchPath) {
            Path candidate = under(dir.resolve(name));
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** The installed root helper ({@link #ROOT_HELPER} under the root), when it is there and executable. */
    public Optional<Path> rootHelper() {
        Path helper = under(ROOT_HELPER);
        return Files.isRegularFile(helper) && Files.isExecutable(helper) ? Optional.of(helper) : Optional.empty();
    }

    /** The effective user id, from the {@code Uid:} line of {@code /proc/self/status}; empty when unreadable. */
    public OptionalInt effectiveUid() {
        try {
            for (String line : Files.readAllLines(under(Path.of("/proc/self/status")), StandardCharsets.UTF_8)) {
                if (line.startsWith("Uid:")) {
                    String[] ids = line.substring(4).trim().split("\\s+");
                    return ids.length > 1 ? OptionalInt.of(Integer.parseInt(ids[1])) : OptionalInt.empty();
                }
            }
        } catch (IOException | NumberFormatException e) {
            return OptionalInt.empty();
        }
        return OptionalInt.empty();
    }
}
