package dev.armorbench.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.armorbench.suggest.NetworkRuleForm;
import dev.armorbench.testing.Requirements;
import dev.armorbench.trial.load.AppArmor4Feature;
import dev.armorbench.trial.load.InstalledParser;
import dev.armorbench.trial.load.InstalledParserCheck;
import dev.armorbench.ui.editor.FixProposal;
import dev.armorbench.ui.editor.Problem;
import java.nio.file.Path;
import java.util.List;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * On a machine whose apparmor_parser is AppArmor 3 (Debian 12's), a network rule or a profile flag
 * it would refuse shows as a warning in the editor, and its fix applies as one undoable edit.
 */
@ExtendWith(ApplicationExtension.class)
class InstalledParserProblemsTest {
    private static final String PROFILE = "profile web {\n  network (connect) inet stream peer=(port=5432),\n}\n";

    @TempDir
    Path temp;

    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = EditorProblems.showWindow(stage, temp);
    }

    @Test
    void aNetworkRuleThisMachinesParserRefusesIsWarnedAboutAndFixed(FxRobot robot) throws Exception {
        Requirements.require(InstalledParser.networkRuleForm() == NetworkRuleForm.FAMILY_AND_TYPE,
                "an AppArmor 3 apparmor_parser (Debian 12's package apparmor)");
        EditorTab tab = EditorProblems.open(robot, window, temp.resolve("web.profile"), PROFILE);

        Problem warning = EditorProblems.awaitProblem(tab, InstalledParserCheck.CODE);
        assertThat(tab.area().getText(warning.start(), warning.end()))
                .isEqualTo("network (connect) inet stream peer=(port=5432),");

        List<FixProposal> fixes = EditorProblems.fixesAt(robot, tab, warning);
        assertThat(fixes).extracting(FixProposal::title)
                .contains("Write 'network inet stream,' for AppArmor 3 (all of inet stream)");
        robot.interact(() -> EditorProblems.quickFixes(tab).apply(fixes.stream()
                .filter(f -> f.title().startsWith("Write 'network")).findFirst().orElseThrow()));

        assertThat(tab.area().getText()).isEqualTo("profile web {\n  network inet stream,\n}\n");
        EditorProblems.awaitNoProblem(tab, InstalledParserCheck.CODE);
        robot.interact(() -> tab.area().undo());
        assertThat(tab.area().getText()).isEqualTo(PROFILE);
    }

    @Test
    void aProfileFlagThisMachinesParserRefusesIsWarnedAboutAndTakenOut(FxRobot robot) throws Exception {
        Requirements.require(!InstalledParser.reads(AppArmor4Feature.DEBUG_FLAG),
                "an AppArmor 3 apparmor_parser (Debian 12's package apparmor)");
        String profile = "profile web flags=(complain, debug) {\n  /etc/hosts r,\n}\n";
        EditorTab tab = EditorProblems.open(robot, window, temp.resolve("flags.profile"), profile);

        Problem warning = EditorProblems.awaitProblem(tab, AppArmor4Feature.DEBUG_FLAG.code());
        assertThat(tab.area().getText(warning.start(), warning.end())).isEqualTo("debug");
        // The header's other fixes (the container check's flags) are offered beside it.
        FixProposal removal = EditorProblems.fixesAt(robot, tab, warning).stream()
                .filter(fix -> fix.title().equals("Remove the flag 'debug': it changes nothing that is allowed"))
                .findFirst().orElseThrow();
        robot.interact(() -> EditorProblems.quickFixes(tab).apply(removal));

        assertThat(tab.area().getText()).isEqualTo("profile web flags=(complain) {\n  /etc/hosts r,\n}\n");
        EditorProblems.awaitNoProblem(tab, AppArmor4Feature.DEBUG_FLAG.code());
    }

    @Test
    void onePickFixesEveryPlaceThatHasAFixAndTheRealParserReadsTheResult(FxRobot robot) throws Exception {
        Requirements.require(!InstalledParser.reads(AppArmor4Feature.PRIORITY),
                "an AppArmor 3 apparmor_parser (Debian 12's package apparmor)");
        String profile = "profile app flags=(attach_disconnected.path=/dis/, kill.signal=term, error=EPERM) {\n"
                + "  priority=5 audit /etc/hosts r,\n  userns,\n  network (connect) inet stream,\n"
                + "  ^hat flags=(debug interruptible) {\n    /tmp/x rw,\n  }\n  all,\n}\n";
        EditorTab tab = EditorProblems.open(robot, window, temp.resolve("app.profile"), profile);
        Problem warning = EditorProblems.awaitProblem(tab, AppArmor4Feature.PRIORITY.code());

        FixProposal all = EditorProblems.fixesAt(robot, tab, warning).stream()
                .filter(fix -> fix.title().startsWith("Fix all")).findFirst().orElseThrow();
        assertThat(all.title()).isEqualTo("Fix all 8 places this machine's apparmor_parser refuses (AppArmor 3);"
                + " 1 more has no fix");
        robot.interact(() -> EditorProblems.quickFixes(tab).apply(all));

        String fixed = "profile app flags=(attach_disconnected) {\n  audit /etc/hosts r,\n  network inet stream,\n"
                + "  ^hat {\n    /tmp/x rw,\n  }\n  all,\n}\n";
        assertThat(tab.area().getText()).isEqualTo(fixed);
        // Left: the rule 'all', which has no stand-in; without it the real parser reads the file.
        dev.armorbench.trial.load.CommandOutput parsed = new dev.armorbench.trial.load.ProcessCommandRunner().run(
                List.of("apparmor_parser", "-Q", "-K"), java.util.Optional.empty(),
                fixed.replace("  all,\n", "").getBytes(java.nio.charset.StandardCharsets.UTF_8),
                java.time.Duration.ofSeconds(60));
        assertThat(parsed.exitCode()).as(parsed.stderr()).isZero();
        robot.interact(() -> tab.area().undo());
        assertThat(tab.area().getText()).as("one undo step").isEqualTo(profile);
    }
}
