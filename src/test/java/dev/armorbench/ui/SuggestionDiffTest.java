package dev.armorbench.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.armorbench.audit.LogReader;
import dev.armorbench.audit.ReadProgress;
import dev.armorbench.policy.Corpora;
import dev.armorbench.suggest.Hunk;
import dev.armorbench.testing.KeptOpenFifo;
import dev.armorbench.ui.settings.SettingsStore;
import dev.armorbench.ui.suggest.SuggestionDiff;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** File → Import Log… and the inline diff it shows, driven by the keyboard as a user would. */
@ExtendWith(ApplicationExtension.class)
class SuggestionDiffTest {
    /** Profiles for labels of the apparmor.d test log, with rules of the kinds the log asks for. */
    private static final String TWO_PROFILES = """
            abi <abi/3.0>,

            profile dnsmasq {
              capability net_admin,

              /etc/dnsmasq.conf r,
            }

            profile gsettings {
              /etc/gsettings r,
              unix (send) type=stream,
            }
            """;

    /**
     * The line a Debian 12 kernel logged for a denied read (corpora README), and the same program
     * reading its own /proc entry, as the kernel writes it.
     */
    private static final String KERNEL_LOG = """
            Nov 29 06:10:01 guest kernel: [  12.345678] audit: type=1400 audit(1795919128.876:3): apparmor="DENIED" operation="open" profile="testcat" name="/etc/hostname" pid=146 comm="testcat" requested_mask="r" denied_mask="r" fsuid=0 ouid=0
            Nov 29 06:10:01 guest kernel: [  12.345901] audit: type=1400 audit(1795919128.880:4): apparmor="DENIED" operation="open" profile="testcat" name="/proc/146/mountinfo" pid=146 comm="testcat" requested_mask="r" denied_mask="r" fsuid=0 ouid=0
            Nov 29 06:10:02 guest systemd[1]: Started session-2.scope.
            """;

    private static final String TESTCAT = """
            profile testcat {
              /usr/bin/testcat mr,
            }
            """;

    @TempDir
    Path temp;

    private MainWindow window;
    private TestPrompts prompts;

    @Start
    void start(Stage stage) {
        SettingsStore store = new SettingsStore(temp.resolve("config"));
        prompts = new TestPrompts(stage);
        window = new MainWindow(stage, store, store.load(), prompts, () -> { });
        window.setIncludePath(List.of());
        window.show();
    }

    @Test
    void importedLogIsAcceptedAndRejectedHunkByHunkAndUndoRestoresTheText(FxRobot robot) throws Exception {
        Path log = Corpora.folder("apparmor.d-testdata").resolve("logs/audit.log");
        EditorTab tab = importInto(robot, TWO_PROFILES, log);
        SuggestionDiff diff = tab.suggestions();

        List<Hunk> hunks = fx(diff::hunks);
        assertThat(hunks).hasSize(3);
        assertThat(hunks.get(0).profile().label()).isEqualTo("dnsmasq");
        assertThat(fx(diff::summaryText)).isEqualTo("5 suggested rules in 3 places");
        assertThat(fx(diff::originText)).contains("from audit.log:").contains("AppArmor events").contains("skipped")
                .contains("not defined in this document");
        assertThat(fx(() -> diff.newErrors(hunks.get(0)))).isEmpty();
        // Shown, not inserted: the document is still exactly what the user wrote.
        assertThat(fx(() -> tab.area().getText())).isEqualTo(TWO_PROFILES);
        assertThat(fx(tab::isUnsaved)).isFalse();

        // The import put the caret on the first hunk's line; Alt+Enter accepts it.
        assertThat(fx(() -> diff.hunkAtCaret().orElseThrow())).isEqualTo(hunks.get(0));
        robot.push(KeyCode.ALT, KeyCode.ENTER);
        String accepted = TWO_PROFILES.replace("  /etc/dnsmasq.conf r,\n", """
                  /etc/dnsmasq.conf r,
                  owner /proc/*/environ r,
                  owner /proc/cmdline r,
                  owner /proc/sys/kernel/osrelease r,
                """);
        assertThat(fx(() -> tab.area().getText())).isEqualTo(accepted);
        assertThat(fx(diff::hunks)).hasSize(2);

        // F8 goes to the next hunk (gsettings' file rule); Alt+Backspace rejects it: the text stays.
        robot.push(KeyCode.F8);
        Hunk next = fx(() -> diff.hunkAtCaret().orElseThrow());
        assertThat(next.suggestions()).extracting(s -> s.chosen().rule())
                .containsExactly("owner /var/lib/gdm3/greeter-dconf-defaults r,");
        robot.push(KeyCode.ALT, KeyCode.BACK_SPACE);
        assertThat(fx(() -> tab.area().getText())).isEqualTo(accepted);
        assertThat(fx(diff::hunks)).hasSize(1);
        assertThat(fx(diff::hunks).get(0).suggestions()).allMatch(s -> s.chosen().rule().startsWith("unix "));

        // The accepted hunk was one edit: one undo gives back the user's text, byte for byte, and
        // the hunk comes back to be answered again; redo takes it away again.
        robot.push(KeyCode.CONTROL, KeyCode.Z);
        assertThat(fx(() -> tab.area().getText())).isEqualTo(TWO_PROFILES);
        assertThat(fx(tab::isUnsaved)).isFalse();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(diff::hunks)).extracting(h -> h.profile().label()).containsExactly("dnsmasq", "gsettings");
        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.Z);
        assertThat(fx(() -> tab.area().getText())).isEqualTo(accepted);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(diff::hunks)).hasSize(1);

        // Offered again (a live feed planned against the old text): accepted rules are in the text
        // now and stay out, the rejected one stays rejected, the pending one merges.
        List<dev.armorbench.suggest.Suggestion> again = new java.util.ArrayList<>();
        hunks.forEach(h -> again.addAll(h.suggestions()));
        assertThat(fx(() -> diff.showSuggestions(again))).isZero();
        assertThat(fx(diff::hunks)).hasSize(1);
    }

    @Test
    void anAlternativeAndAuditArePickedWithTheKeyboardBeforeAccepting(FxRobot robot) throws Exception {
        Path log = temp.resolve("kern.log");
        Files.writeString(log, KERNEL_LOG);
        EditorTab tab = importInto(robot, TESTCAT, log);
        SuggestionDiff diff = tab.suggestions();
        assertThat(fx(diff::hunks)).singleElement().satisfies(hunk -> assertThat(hunk.suggestions())
                .extracting(s -> s.chosen().rule())
                .containsExactly("owner /etc/hostname r,", "owner /proc/*/mountinfo r,"));
        assertThat(fx(diff::originText)).startsWith("from kern.log: 3 lines, 2 AppArmor events; skipped 1 other line");

        robot.push(KeyCode.ALT, KeyCode.A);
        assertThat(fx(diff::isAlternativesShowing)).isTrue();
        assertThat(fx(() -> tab.area().getText())).as("Alt+A types nothing").isEqualTo(TESTCAT);
        for (int i = 0; i < 10 && !fx(() -> diff.selectedAlternative().orElseThrow().label())
                .contains("/proc/146/mountinfo"); i++) {
            robot.push(KeyCode.DOWN);
        }
        assertThat(fx(() -> diff.selectedAlternative().orElseThrow().detail())).startsWith("exact");
        robot.push(KeyCode.ENTER);
        assertThat(fx(diff::isAlternativesShowing)).isFalse();
        assertThat(fx(diff::hunks).get(0).suggestions()).extracting(s -> s.chosen().rule())
                .contains("owner /proc/146/mountinfo r,");

        // audit on the same line, from the same list: the qualifier goes on the chosen alternative.
        robot.push(KeyCode.ALT, KeyCode.A);
        for (int i = 0; i < 20 && !fx(() -> diff.selectedAlternative().orElseThrow().label().strip())
                .equals("audit owner /proc/146/mountinfo r,"); i++) {
            robot.push(KeyCode.DOWN);
        }
        assertThat(fx(() -> diff.selectedAlternative().orElseThrow().detail())).isEqualTo("audit: log each use  ·  line 2");
        robot.push(KeyCode.ENTER);

        robot.push(KeyCode.ALT, KeyCode.ENTER);
        assertThat(fx(() -> tab.area().getText())).isEqualTo("""
                profile testcat {
                  /usr/bin/testcat mr,
                  audit owner /proc/146/mountinfo r,
                  owner /etc/hostname r,
                }
                """);
        assertThat(fx(diff::hasPending)).isFalse();
    }

    @Test
    void aGlobForManyFilesIsSplitIntoTheExactRulesFromItsChooser(FxRobot robot) throws Exception {
        StringBuilder lines = new StringBuilder();
        for (int i = 1; i <= 12; i++) {
            lines.append("Nov 29 06:10:01 guest kernel: [  12.3] audit: type=1400 audit(1795919128.876:").append(i)
                    .append("): apparmor=\"DENIED\" operation=\"open\" profile=\"testcat\" name=\"/srv/www/img/")
                    .append(i).append(".png\" pid=146 comm=\"testcat\" requested_mask=\"r\" denied_mask=\"r\""
                            + " fsuid=0 ouid=0\n");
        }
        Path log = temp.resolve("kern.log");
        Files.writeString(log, lines);
        EditorTab tab = importInto(robot, TESTCAT, log);
        SuggestionDiff diff = tab.suggestions();
        assertThat(fx(diff::hunks)).singleElement().satisfies(hunk -> assertThat(hunk.suggestions())
                .extracting(s -> s.chosen().rule()).containsExactly("owner /srv/www/img/*.png r,"));

        robot.clickOn(".alternative-chooser");
        robot.clickOn("each path exactly: 12 rules");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> diff.hunks().size() == 1
                && diff.hunks().get(0).suggestions().size() == 12));
        assertThat(fx(diff::summaryText)).startsWith("12 suggested rules");

        // The log again, with one more file: the glob is not offered again in this document, its files are.
        Files.writeString(log, lines + lines.toString().replace("/img/1.png", "/img/13.png"));
        prompts.filesToChoose.add(log);
        Platform.runLater(window::importLog);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> fx(() -> diff.isChecked() && diff.hunks().size() == 1
                && diff.hunks().get(0).suggestions().size() == 13));

        robot.clickOn("#accept-all");
        String text = fx(() -> tab.area().getText());
        for (int i = 1; i <= 13; i++) {
            assertThat(text).contains("  owner /srv/www/img/" + i + ".png r,\n");
        }
        assertThat(text).doesNotContain("*");
    }

    @Test
    void readingSeveralLogsSaysWhichIsBeingReadAndHowManyLinesAreRead(FxRobot robot) throws Exception {
        // A rotated log that is read at once, then a pipe whose writer keeps it open: the reading
        // waits in the second log, with the first one's lines counted.
        Path rotated = temp.resolve("kern.log.1");
        Files.writeString(rotated, KERNEL_LOG);
        Files.setLastModifiedTime(rotated, FileTime.fromMillis(0)); // the older: read first
        Path pipe = temp.resolve("pipe.log");
        Process writer = KeptOpenFifo.start(pipe);
        try {
            EditorTab tab = openProfile(robot, TESTCAT);
            prompts.logsToChoose.add(List.of(pipe, rotated));
            Platform.runLater(window::importLog);
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fx(() -> tab.suggestions().originText())
                    .equals("pipe.log (2 of 2): 3 lines"));
            assertThat(fx(() -> tab.suggestions().summaryText())).as("a pipe has no size to take a share of")
                    .isEqualTo("Reading…");
            robot.clickOn("#stop-reading");
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fx(() -> tab.suggestions().originText())
                    .equals("Stopped reading 2 logs; nothing imported."));
            Thread.sleep(600); // more than two of the bar's looks at the progress: they have stopped
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(fx(() -> tab.suggestions().originText())).isEqualTo("Stopped reading 2 logs; nothing imported.");
        } finally {
            writer.destroyForcibly();
        }
    }

    @Test
    void readingALogOfKnownSizeShowsTheShareRead(FxRobot robot) throws Exception {
        Path log = temp.resolve("kern.log");
        Files.writeString(log, KERNEL_LOG);
        ReadProgress progress = new ReadProgress();
        progress.expectBytes(2 * Files.size(log));
        progress.startFile("kern.log", 1, 1);
        new LogReader().reportingTo(progress).read(log, "kern.log", event -> { });
        EditorTab tab = openProfile(robot, TESTCAT);

        robot.interact(() -> tab.suggestions().showReading(log.toString(), () -> { }, progress));
        assertThat(fx(() -> tab.suggestions().summaryText())).isEqualTo("Reading… 50%");
        assertThat(fx(() -> tab.suggestions().originText())).isEqualTo(log + ": 3 lines");
    }

    @Test
    void readingALogThatDoesNotEndIsStoppedFromTheBar(FxRobot robot) throws Exception {
        // A pipe whose writer keeps it open: the reading never ends by itself.
        Path pipe = temp.resolve("pipe.log");
        Process writer = KeptOpenFifo.start(pipe, "Nov 29 host kernel: booting");
        try {
            EditorTab tab = openProfile(robot, TESTCAT);
            prompts.filesToChoose.add(pipe);
            Platform.runLater(window::importLog);
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#stop-reading").tryQuery()
                    .map(javafx.scene.Node::isVisible).orElse(false));
            assertThat(fx(() -> tab.suggestions().summaryText())).isEqualTo("Reading…");
            // The line the writer gave is counted while it waits (and the bar is still before Stop is clicked).
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fx(() -> tab.suggestions().originText())
                    .equals(pipe + ": 1 line"));
            assertThat(fx(() -> tab.suggestions().summaryText())).isEqualTo("Reading…");
            robot.clickOn("#stop-reading");
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fx(() -> tab.suggestions().originText())
                    .equals("Stopped reading " + pipe + "; nothing imported."));
            assertThat(robot.lookup("#stop-reading").query().isVisible()).isFalse();

            // No import waits behind the stopped one; a new import replaces one still reading, and
            // the bar then shows the new one, not that the old one stopped.
            prompts.filesToChoose.add(pipe);
            Platform.runLater(window::importLog);
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fx(() -> tab.suggestions().summaryText()).equals("Reading…"));
            prompts.filesToChoose.add(pipe);
            Platform.runLater(window::importLog);
            WaitForAsyncUtils.waitForFxEvents();
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(fx(() -> tab.suggestions().summaryText())).as("the replaced import does not speak over the new one")
                    .isEqualTo("Reading…");
            assertThat(robot.lookup("#stop-reading").query().isVisible()).isTrue();
            Path log = temp.resolve("kern.log");
            Files.writeString(log, KERNEL_LOG);
            prompts.filesToChoose.add(log);
            Platform.runLater(window::importLog);
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fx(() -> tab.suggestions().hunks().size() == 1
                    && tab.suggestions().isChecked()));
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(fx(() -> tab.suggestions().originText())).startsWith("from kern.log: 3 lines, 2 AppArmor events");
        } finally {
            writer.destroyForcibly();
        }
    }

    @Test
    void typingWhileHunksWaitPlansThemAgainOnTheNewText(FxRobot robot) throws Exception {
        Path log = temp.resolve("kern.log");
        Files.writeString(log, KERNEL_LOG);
        EditorTab tab = importInto(robot, TESTCAT, log);
        SuggestionDiff diff = tab.suggestions();
        Hunk before = fx(diff::hunks).get(0);
        assertThat(fx(() -> diff.lineOf(before))).isEqualTo(1);

        // A line typed above the hunk: the block moves with its line at once…
        int[] lineAfterTyping = {-1};
        robot.interact(() -> {
            tab.area().insertText(tab.area().getAbsolutePosition(1, 0), "  # reads its config\n");
            lineAfterTyping[0] = diff.lineOf(before);
        });
        assertThat(lineAfterTyping[0]).isEqualTo(2);
        // …and is planned again once typing pauses, at the offsets of the new text.
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> !diff.hunks().contains(before)
                && diff.hunks().size() == 1 && diff.isChecked()));
        robot.clickOn("#accept-all");
        assertThat(fx(() -> tab.area().getText())).isEqualTo("""
                profile testcat {
                  # reads its config
                  /usr/bin/testcat mr,
                  owner /etc/hostname r,
                  owner /proc/*/mountinfo r,
                }
                """);
    }

    @Test
    void aHunkThatWouldAddAnErrorIsFlagged(FxRobot robot) throws Exception {
        Path log = temp.resolve("kern.log");
        Files.writeString(log, KERNEL_LOG);
        // The rule before the insertion point lacks its comma: the new rule runs into it, a new error.
        EditorTab tab = importInto(robot, "profile testcat {\n  /usr/bin/testcat mr\n}\n", log);
        Hunk hunk = fx(tab.suggestions()::hunks).get(0);
        assertThat(fx(() -> tab.suggestions().newErrors(hunk))).isNotEmpty();
        assertThat(robot.lookup(".hunk-new-errors").queryAll()).hasSize(1);

        // The block takes the mouse over the room it makes: a click on it leaves the caret alone,
        // and its Reject button drops the hunk without touching the text.
        int caret = fx(() -> tab.area().getCaretPosition());
        robot.clickOn(".hunk-detail");
        assertThat(fx(() -> tab.area().getCaretPosition())).isEqualTo(caret);
        robot.clickOn(".hunk-reject");
        assertThat(fx(tab.suggestions()::hunks)).isEmpty();
        assertThat(fx(() -> tab.area().getText())).isEqualTo("profile testcat {\n  /usr/bin/testcat mr\n}\n");
    }

    @Test
    void aLogWithoutAppArmorLinesSaysWhereTheyAre(FxRobot robot) throws Exception {
        Path log = temp.resolve("syslog");
        Files.writeString(log, "Nov 29 06:10:02 host systemd[1]: Started session-2.scope.\n"
                + "Nov 29 06:10:03 host cron[812]: (root) CMD (run-parts /etc/cron.hourly)\n");
        openProfile(robot, TESTCAT);
        prompts.filesToChoose.add(log);
        Platform.runLater(window::importLog);
        DialogPane dialog = waitForDialog(robot);
        assertThat(dialog.getHeaderText()).isEqualTo("Nothing to suggest");
        assertThat(((Label) dialog.getContent()).getText()).startsWith("No AppArmor records in " + log)
                .contains("2 lines read").contains("/var/log/audit/audit.log").contains("journalctl -k");
        robot.interact(() -> dialog.getScene().getWindow().hide());
    }

    @Test
    void aFileThatIsNotALogGetsAMessageNotAStackTrace(FxRobot robot) throws Exception {
        Path journal = temp.resolve("system.journal");
        Files.write(journal, new byte[] {'L', 'P', 'K', 'S', 'H', 'H', 'R', 'H', 0, 0, 0, 0});
        openProfile(robot, TESTCAT);
        prompts.filesToChoose.add(journal);
        Platform.runLater(window::importLog);
        DialogPane dialog = waitForDialog(robot);
        assertThat(dialog.getHeaderText()).isEqualTo("Cannot import log");
        assertThat(((Label) dialog.getContent()).getText()).contains("binary systemd journal")
                .contains("journalctl --file " + journal + " -k -o short > kernel.log");
        robot.interact(() -> dialog.getScene().getWindow().hide());
    }

    private EditorTab openProfile(FxRobot robot, String text) throws Exception {
        Path file = temp.resolve("test.profile");
        Files.writeString(file, text);
        robot.interact(() -> window.open(file));
        EditorTab tab = window.currentTab().orElseThrow();
        robot.clickOn(tab.area());
        return tab;
    }

    /** Opens the profile, imports the log through File → Import Log…, and waits until the hunks are checked. */
    private EditorTab importInto(FxRobot robot, String profile, Path log) throws Exception {
        EditorTab tab = openProfile(robot, profile);
        prompts.filesToChoose.add(log);
        Platform.runLater(window::importLog);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fx(() -> !tab.suggestions().hunks().isEmpty()
                && tab.suggestions().isChecked()));
        WaitForAsyncUtils.waitForFxEvents();
        return tab;
    }

    private static DialogPane waitForDialog(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !robot.lookup(".dialog-pane").queryAll().isEmpty());
        return robot.lookup(".dialog-pane").queryAs(DialogPane.class);
    }

    private static <T> T fx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
    }
}
