package dev.armorbench.trial.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * A temporary directory laid out like the parts of a machine that loading reads: {@code /sys}
 * (AppArmor's switch and securityfs), {@code /proc/self/status} (who we are) and program
 * directories. Programs placed here are real executables, run by the real process runner.
 */
final class HostLayout {
    static final List<Path> SEARCH_PATH = List.of(Path.of("/usr/bin"), Path.of("/usr/sbin"));

    private final Path root;

    HostLayout(Path root) {
        this.root = root;
    }

    AppArmorHost host() {
        return new AppArmorHost(root, SEARCH_PATH);
    }

    Path path(String absolute) {
        return root.resolve(absolute.substring(1));
    }

    /** AppArmor switched on and securityfs mounted, with the kernel's list of profiles. */
    HostLayout appArmorEnabled(String loadedProfiles) throws IOException {
        write("/sys/module/apparmor/parameters/enabled", "Y\n");
        write("/sys/kernel/security/apparmor/profiles", loadedProfiles);
        return this;
    }

    HostLayout effectiveUid(int uid) throws IOException {
        write("/proc/self/status", "Name:\tjava\nUmask:\t0022\nState:\tR (running)\nUid:\t" + uid + "\t" + uid + "\t"
                + uid + "\t" + uid + "\nGid:\t0\t0\t0\t0\n");
        return this;
    }

    /**
     * The real apparmor_parser of this machine, in the layout as a script that runs it (a symbolic
     * link would do, but JUnit warns about every one it deletes).
     */
    HostLayout realParser() throws IOException {
        script("/usr/sbin/apparmor_parser", "exec /usr/sbin/apparmor_parser \"$@\"\n");
        return this;
    }

    /** An executable shell script at an absolute path of the layout. */
    Path script(String absolute, String body) throws IOException {
        Path file = write(absolute, "#!/bin/sh\n" + body);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }

    Path write(String absolute, String text) throws IOException {
        Path file = path(absolute);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }
}
