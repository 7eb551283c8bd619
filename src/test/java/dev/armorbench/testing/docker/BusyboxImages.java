package dev.armorbench.testing.docker;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Test images built locally, without a registry: a root filesystem holding Debian's static busybox
 * and its applet links, imported with {@code docker import --change …} twice — once with an
 * exec-form entry point, once with a shell-form command. About 2 MB and a fraction of a second each.
 */
public final class BusyboxImages {
    /** ENTRYPOINT ["/bin/echo","exec-form"], CMD ["default-arg"], USER 1000:1000, WORKDIR /srv, ENV MODE=test. */
    public static final String EXEC_FORM = "armorbench-test/exec-form:1";
    /** CMD echo shell-form $MODE (shell form), ENV MODE=test. */
    public static final String SHELL_FORM = "armorbench-test/shell-form:1";

    private BusyboxImages() {
    }

    /** Builds both images in the engine. */
    public static void build(PrivateDockerEngine engine) throws IOException, InterruptedException {
        Path tar = rootFilesystemTar(engine.directory().resolve("busybox-rootfs"));
        Duration timeout = Duration.ofSeconds(120);
        engine.docker(List.of("import",
                "--change", "ENTRYPOINT [\"/bin/echo\", \"exec-form\"]",
                "--change", "CMD [\"default-arg\"]",
                "--change", "USER 1000:1000",
                "--change", "WORKDIR /srv",
                "--change", "ENV MODE=test",
                tar.toString(), EXEC_FORM), timeout);
        engine.docker(List.of("import",
                "--change", "CMD echo shell-form $MODE",
                "--change", "ENV MODE=test",
                tar.toString(), SHELL_FORM), timeout);
    }

    /** /bin/busybox, a link for each applet it lists, and the directories a container expects. */
    private static Path rootFilesystemTar(Path root) throws IOException, InterruptedException {
        Files.createDirectories(root.resolve("bin"));
        Files.copy(Path.of("/bin/busybox"), root.resolve("bin/busybox"));
        for (String directory : List.of("srv", "tmp", "proc", "sys", "dev", "etc", "data")) {
            Files.createDirectories(root.resolve(directory));
        }
        Process list = new ProcessBuilder("/bin/busybox", "--list-full").redirectErrorStream(true).start();
        String applets = new String(list.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!list.waitFor(30, TimeUnit.SECONDS) || list.exitValue() != 0) {
            throw new IOException("/bin/busybox --list-full failed: " + applets);
        }
        for (String applet : applets.split("\n")) {
            if (applet.isBlank()) {
                continue;
            }
            Path link = root.resolve(applet.strip());
            if (Files.notExists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                Files.createDirectories(link.getParent());
                Files.createSymbolicLink(link, Path.of("/bin/busybox"));
            }
        }
        Path tar = root.resolveSibling("busybox-rootfs.tar");
        Process pack = new ProcessBuilder("tar", "-C", root.toString(), "-cf", tar.toString(), ".")
                .redirectErrorStream(true).start();
        String output = new String(pack.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!pack.waitFor(60, TimeUnit.SECONDS) || pack.exitValue() != 0) {
            throw new IOException("tar failed: " + output);
        }
        return tar;
    }
}
