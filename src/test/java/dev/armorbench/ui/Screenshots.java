package dev.armorbench.ui;

import dev.armorbench.testing.docker.BusyboxImages;
import dev.armorbench.testing.docker.PrivateDockerEngine;
import dev.armorbench.ui.editor.Completion;
import dev.armorbench.ui.settings.Settings;
import dev.armorbench.ui.settings.SettingsStore;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javafx.util.Duration;
import javax.imageio.ImageIO;

/**
 * Renders the real main window headless (Monocle, software pipeline) and writes the screenshots the
 * README and the docs show. Run by {@code docs/make-screenshots.sh}; never by hand-editing images.
 */
public final class Screenshots {
    private static final int WIDTH = 1200;
    private static final int HEIGHT = 760;

    private Screenshots() {
    }

    public static void main(String[] args) throws Exception {
        Path output = Path.of(args.length > 0 ? args[0] : "docs/images");
        only = args.length > 1 ? args[1] : "";
        Files.createDirectories(output);
        Path settingsDirectory = Files.createTempDirectory("armorbench-screenshots");
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        Platform.setImplicitExit(false);
        started.get(30, TimeUnit.SECONDS);

        capture(output.resolve("main-window.png"), settingsDirectory, Settings.Theme.LIGHT, window -> () -> true);
        capture(output.resolve("main-window-dark.png"), settingsDirectory, Settings.Theme.DARK, window -> () -> true);
        capture(output.resolve("editor-error.png"), settingsDirectory, Settings.Theme.LIGHT, Screenshots::withError);
        capture(output.resolve("editor-error-dark.png"), settingsDirectory, Settings.Theme.DARK, Screenshots::withError);
        Path log = Files.createTempDirectory("armorbench-screenshot").resolve("kern.log");
        Files.writeString(log, SCREENSHOT_LOG);
        capture(output.resolve("suggestions-diff.png"), settingsDirectory, Settings.Theme.LIGHT, w -> withSuggestions(w, log));
        capture(output.resolve("suggestions-diff-dark.png"), settingsDirectory, Settings.Theme.DARK, w -> withSuggestions(w, log));
        capture(output.resolve("suggestions-alternatives.png"), settingsDirectory, Settings.Theme.LIGHT,
                w -> withAlternatives(w, log, 1));
        Files.delete(log);
        Path manyLog = log.resolveSibling("many.log");
        Files.writeString(manyLog, manyDistinctFiles());
        capture(output.resolve("suggestions-many.png"), settingsDirectory, Settings.Theme.LIGHT,
                w -> withManySuggestions(w, manyLog));
        capture(output.resolve("suggestions-reading.png"), settingsDirectory, Settings.Theme.LIGHT,
                w -> withReading(w, manyLog));
        Files.delete(manyLog);
        Path imagesLog = log.resolveSibling("images.log");
        Files.writeString(imagesLog, manyImages());
        capture(output.resolve("suggestions-glob.png"), settingsDirectory, Settings.Theme.LIGHT,
                w -> withAlternatives(w, imagesLog, 0));
        Files.delete(imagesLog);
        Files.delete(log.getParent());
        if ("loop".startsWith(only) || only.startsWith("loop")) {
            LoopScreenshots.capture(output);
        }
        if ("docker-panel".startsWith(only) || only.startsWith("docker-panel")) {
            DockerPanelScreenshots.capture(output);
        }
        Platform.exit();
    }

    /**
     * Kernel-log lines in the form a Debian 12 kernel writes them (see the corpora README), for the
     * web-server sample: what nginx asked for that the profile does not grant.
     */
    private static final String SCREENSHOT_LOG = String.join("\n",
            line("06:41:02", "4021.110233", 31, "operation=\"capable\" class=\"cap\" profile=\"web-server\" pid=2210 comm=\"nginx\" capability=12  capname=\"net_admin\""),
            line("06:41:02", "4021.112120", 32, "operation=\"create\" class=\"net\" profile=\"web-server\" pid=2210 comm=\"nginx\" family=\"netlink\" sock_type=\"raw\" protocol=0 requested_mask=\"create\" denied_mask=\"create\""),
            line("06:41:02", "4021.113004", 33, "operation=\"open\" class=\"file\" profile=\"web-server\" name=\"/usr/share/GeoIP/GeoLite2-Country.mmdb\" pid=2210 comm=\"nginx\" requested_mask=\"r\" denied_mask=\"r\" fsuid=0 ouid=0"),
            line("06:41:03", "4021.201377", 34, "operation=\"open\" class=\"file\" profile=\"web-server\" name=\"/etc/letsencrypt/live/example.org/fullchain.pem\" pid=2210 comm=\"nginx\" requested_mask=\"r\" denied_mask=\"r\" fsuid=0 ouid=0"),
            line("06:41:03", "4021.201901", 35, "operation=\"open\" class=\"file\" profile=\"web-server\" name=\"/etc/letsencrypt/live/example.org/privkey.pem\" pid=2210 comm=\"nginx\" requested_mask=\"r\" denied_mask=\"r\" fsuid=0 ouid=0"),
            line("06:41:04", "4022.004512", 36, "operation=\"mknod\" class=\"file\" profile=\"web-server\" name=\"/var/lib/nginx/body/0000000001\" pid=2211 comm=\"nginx\" requested_mask=\"c\" denied_mask=\"c\" fsuid=101 ouid=101"),
            line("06:41:04", "4022.004990", 37, "operation=\"mknod\" class=\"file\" profile=\"web-server\" name=\"/var/lib/nginx/body/0000000002\" pid=2212 comm=\"nginx\" requested_mask=\"c\" denied_mask=\"c\" fsuid=101 ouid=101"),
            "Nov 29 06:41:04 host systemd[1]: Started nginx.service - A high performance web server.",
            "");

    private static String line(String time, String uptime, int serial, String fields) {
        return "Nov 29 " + time + " host kernel: [ " + uptime + "] audit: type=1400 audit(1795919128.876:" + serial
                + "): apparmor=\"DENIED\" " + fields;
    }

    /**
     * A tree's worth of denials: nginx refused 300 images of one directory (one glob stands for
     * them) and 300 pages each in a directory of its own (each stays a rule).
     */
    private static String manyDistinctFiles() {
        StringBuilder log = new StringBuilder();
        for (int i = 0; i < 600; i++) {
            String name = i % 2 == 0 ? "/srv/www/static/img/" + i / 2 + ".png" : "/srv/www/pages/p" + i + "/index-" + i + ".html";
            log.append(line("06:42:10", "4030.1" + String.format("%05d", i), 100 + i, "operation=\"open\" class=\"file\""
                    + " profile=\"web-server\" name=\"" + name + "\" pid=2213 comm=\"nginx\""
                    + " requested_mask=\"r\" denied_mask=\"r\" fsuid=101 ouid=0")).append('\n');
        }
        return log.toString();
    }

    /** nginx reading 40 images of one directory: one glob offered for them. */
    private static String manyImages() {
        StringBuilder log = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            log.append(line("06:43:10", "4040.1" + String.format("%05d", i), 800 + i, "operation=\"open\" class=\"file\""
                    + " profile=\"web-server\" name=\"/srv/www/static/img/" + i + ".png\" pid=2213 comm=\"nginx\""
                    + " requested_mask=\"r\" denied_mask=\"r\" fsuid=101 ouid=0")).append('\n');
        }
        return log.toString();
    }

    /**
     * The web-server sample after importing a log of 600 distinct denials, the pages' glob split into
     * their exact rules: one hunk of 301 rules, its end in view.
     */
    private static BooleanSupplier withManySuggestions(MainWindow window, Path log) {
        BooleanSupplier imported = withSuggestions(window, log);
        boolean[] split = {false};
        boolean[] scrolled = {false};
        return () -> {
            if (!imported.getAsBoolean()) {
                return false;
            }
            EditorTab tab = window.currentTab().orElseThrow();
            if (!split[0]) {
                // The pages come as /srv/www/pages/**; split into their 300 exact rules, as a user may.
                split[0] = true;
                tab.suggestions().hunks().get(0).suggestions().stream()
                        .filter(s -> s.chosen().rule().contains("/srv/www/pages/**")).findFirst()
                        .ifPresent(tab.suggestions()::split);
                return false;
            }
            if (tab.suggestions().hunks().isEmpty() || tab.suggestions().hunks().get(0).suggestions().size() < 301) {
                return false;
            }
            if (!scrolled[0]) {
                scrolled[0] = true;
                int line = tab.suggestions().lineOf(tab.suggestions().hunks().get(0));
                tab.area().showParagraphAtBottom(line);
                return false;
            }
            return true;
        };
    }

    /** The same, scrolled to the hunk {@code hunkIndex}, with the Alt+A list open on it. */
    private static BooleanSupplier withAlternatives(MainWindow window, Path log, int hunkIndex) {
        BooleanSupplier imported = withSuggestions(window, log);
        boolean[] opened = {false};
        return () -> {
            if (!imported.getAsBoolean()) {
                return false;
            }
            EditorTab tab = window.currentTab().orElseThrow();
            if (!opened[0]) {
                opened[0] = true;
                // (The network rule of SCREENSHOT_LOG: broader ways to write it, and audit / deny.)
                var hunk = tab.suggestions().hunks().get(hunkIndex);
                int line = tab.suggestions().lineOf(hunk);
                tab.area().showParagraphAtTop(line - 8);
                tab.area().moveTo(line, tab.area().getParagraphLength(line));
                tab.area().layout();
                tab.suggestions().showAlternatives();
                return false;
            }
            return tab.suggestions().isAlternativesShowing();
        };
    }

    /**
     * The web-server sample after File → Import Log… on a short kernel log: hunks under their
     * lines, the caret on the last one.
     */
    private static BooleanSupplier withSuggestions(MainWindow window, Path log) {
        EditorTab sample = window.openSample("web-server.profile");
        Path corpora = Path.of(System.getProperty("armorbench.corpora", "../shared/corpora")).toAbsolutePath();
        if (Files.isDirectory(corpora.resolve("profiles-apparmor"))) {
            window.setIncludePath(java.util.List.of(corpora.resolve("profiles-apparmor").toString()));
        }
        window.importLog(sample, log);
        boolean[] scrolled = {false};
        return () -> {
            var diff = sample.suggestions();
            if (diff.hunks().isEmpty() || !diff.isChecked()) {
                return false;
            }
            if (!scrolled[0]) {
                scrolled[0] = true;
                sample.area().showParagraphAtTop(32);
                int first = diff.lineOf(diff.hunks().get(diff.hunks().size() - 1));
                sample.area().moveTo(first, sample.area().getParagraphLength(first));
                sample.area().requestFocus();
                return false;
            }
            return true;
        };
    }

    /**
     * A log being read: the bar's share and line count, from a real reading of {@code log} that
     * stands for the first 37% of a larger one (a picture cannot wait on a log that size).
     */
    private static BooleanSupplier withReading(MainWindow window, Path log) {
        EditorTab sample = window.openSample("web-server.profile");
        dev.armorbench.audit.ReadProgress progress = new dev.armorbench.audit.ReadProgress();
        try {
            progress.expectBytes(Files.size(log) * 100 / 37);
            progress.startFile("kern.log", 1, 1);
            new dev.armorbench.audit.LogReader().reportingTo(progress).read(log, "kern.log", event -> { });
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        sample.suggestions().showReading("/var/log/kern.log", () -> { }, progress);
        return () -> true;
    }

    /**
     * @param prepare sets the window up and says when it is ready: the picture is taken once it is
     *     (checks and completion run on the editor's thread, which takes its time on a busy machine)
     */
    /** A second argument renders only the pictures whose name starts with it (while working on one). */
    private static String only = "";

    private static void capture(Path file, Path settingsDirectory, Settings.Theme theme,
            Function<MainWindow, BooleanSupplier> prepare) throws Exception {
        capture(file, theme, stage -> {
            SettingsStore store = new SettingsStore(settingsDirectory);
            return new MainWindow(stage, store, store.load(), new FxUserPrompts(stage), stage::close);
        }, prepare);
    }

    /**
     * @param makeWindow builds the window on the FX thread
     * @param prepare sets the window up and says when it is ready
     */
    static void capture(Path file, Settings.Theme theme, Function<Stage, MainWindow> makeWindow,
            Function<MainWindow, BooleanSupplier> prepare) throws Exception {
        if (!file.getFileName().toString().startsWith(only)) {
            return;
        }
        CompletableFuture<WritableImage> image = new CompletableFuture<>();
        Platform.runLater(() -> {
            Stage stage = new Stage();
            MainWindow window = makeWindow.apply(stage);
            window.setTheme(theme);
            stage.setWidth(WIDTH);
            stage.setHeight(HEIGHT);
            window.show();
            window.openSampleIfEmpty();
            BooleanSupplier ready = prepare.apply(window);
            // Let layout settle and the tab's opening animation finish, and wait until it is ready.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            PauseTransition settle = new PauseTransition(Duration.millis(1500));
            settle.setOnFinished(event -> {
                if (!ready.getAsBoolean() && System.nanoTime() < deadline) {
                    settle.setDuration(Duration.millis(200));
                    settle.playFromStart();
                    return;
                }
                image.complete(stage.getScene().snapshot(null));
                window.dockerPanel().dispose();
                stage.close();
            });
            settle.play();
        });
        write(image.get(120, TimeUnit.SECONDS), file);
        System.out.println("wrote " + file);
    }

    /**
     * The sample with a mistyped capability, scrolled to the profile, caret in the mistake and the
     * completion list open on it (once the layout has placed the caret, so the list opens under it).
     */
    private static BooleanSupplier withError(MainWindow window) {
        EditorTab tab = window.currentTab().orElseThrow();
        String text = tab.area().getText();
        int at = text.indexOf("  /bin/sh ix,");
        tab.area().insertText(at, "  capability net_bind_servce,\n");
        tab.area().moveTo(at + "  capability net_".length());
        tab.area().requestFocus();
        Completion completion = tab.editor().component(Completion.class).orElseThrow();
        PauseTransition laidOut = new PauseTransition(Duration.millis(700));
        laidOut.setOnFinished(event -> {
            tab.area().showParagraphAtTop(14);
            tab.area().layout();
            completion.complete();
        });
        laidOut.play();
        int mistake = at + "  capability net_".length();
        return () -> completion.isShowing()
                && tab.problems().problems().stream().anyMatch(p -> p.code().equals("unknown-capability"))
                && tab.area().getStyleOfChar(mistake).contains("diagnostic-error");
    }

    private static void write(WritableImage image, Path file) throws IOException {
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        BufferedImage buffered = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        PixelReader pixels = image.getPixelReader();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                buffered.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        ImageIO.write(buffered, "png", file.toFile());
    }

    /**
     * A Docker engine of the screenshots' own, with the busybox test images built, or empty (and a line
     * saying why {@code picture} is skipped) where this machine cannot start one.
     */
    static Optional<PrivateDockerEngine> privateEngineFor(String picture)
            throws Exception {
        if (!Files.isExecutable(Path.of("/usr/sbin/dockerd")) && !Files.isExecutable(Path.of("/usr/bin/dockerd"))) {
            System.out.println("skipped " + picture + ": no dockerd (apt-get install docker.io busybox-static)");
            return Optional.empty();
        }
        PrivateDockerEngine engine;
        try {
            engine = PrivateDockerEngine.start();
        } catch (IOException e) {
            System.out.println("skipped " + picture + ": no Docker engine of its own could be started ("
                    + e.getMessage() + "; it needs root, docker.io and busybox-static)");
            return Optional.empty();
        }
        try {
            BusyboxImages.build(engine);
        } catch (Exception | Error e) {
            engine.close();
            throw e;
        }
        return Optional.of(engine);
    }
}
