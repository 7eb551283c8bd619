package dev.armorbench.ui.editor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.armorbench.policy.check.PolicySources;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Completion, quick fixes and hover documentation, driven through the keyboard and mouse. */
@ExtendWith(ApplicationExtension.class)
class EditorAssistanceTest {
    private static final String PROFILE = """
            include <tunables/global>

            profile demo flags=(attach_disconnected) {
              /etc/hosts r,
              capability chown,

              profile child {
              }
            }
            """;

    @TempDir
    static Path includes;

    private ProfileEditor editor;

    @Start
    void start(Stage stage) throws Exception {
        Files.createDirectories(includes.resolve("tunables"));
        Files.createDirectories(includes.resolve("abstractions"));
        Files.writeString(includes.resolve("tunables/global"), "@{HOME}=/home/*/ /root/\n@{PROC}=/proc/\n");
        Files.writeString(includes.resolve("abstractions/base"), "/etc/ld.so.cache r,\n");
        Files.writeString(includes.resolve("abstractions/bash"), "/bin/bash r,\n");
        PolicySources sources = new PolicySources(List.of(includes), includes);
        editor = new ProfileEditor(PROFILE);
        editor.install(new SyntaxHighlighting());
        editor.install(new ProblemTracking(() -> includes.resolve("demo.profile"), () -> sources));
        editor.install(new LineEditing());
        editor.install(new Completion(() -> sources));
        editor.install(new HoverDocumentation(Documentation.bundled()));
        editor.install(new QuickFixes(QuickFixRegistry.standard()));
        editor.install(new LineGutter());
        stage.setScene(new Scene(editor, 800, 600));
        stage.show();
    }

    private static void waitUntil(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private Completion completion() {
        return editor.component(Completion.class).orElseThrow();
    }

    private ProblemTracking problems() {
        return editor.component(ProblemTracking.class).orElseThrow();
    }

    /** Puts the caret at the end of {@code line} (0-based) and opens a new, indented line. */
    private void newLineAfter(FxRobot robot, int line) {
        robot.clickOn(editor.area());
        robot.interact(() -> editor.area().moveTo(line, editor.area().getParagraphLength(line)));
        robot.type(KeyCode.ENTER);
    }

    @Test
    void typingACapabilityOffersTheNamesAndEnterInsertsOne(FxRobot robot) throws Exception {
        newLineAfter(robot, 4);
        robot.write("capability net_b");
        waitUntil(() -> completion().isShowing());
        assertThat(completion().shownItems()).extracting(CompletionItem::label)
                .containsExactly("net_bind_service", "net_broadcast");

        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(editor.area().getParagraph(5).getText()).isEqualTo("  capability net_bind_service");
        assertThat(completion().isShowing()).isFalse();

        // The insertion is one undo step: undo gives back exactly what was typed.
        robot.interact(() -> editor.area().undo());
        assertThat(editor.area().getParagraph(5).getText()).isEqualTo("  capability net_b");
    }

    @Test
    void keyboardOnlyCompletionDownArrowEscapeAndCtrlSpace(FxRobot robot) throws Exception {
        newLineAfter(robot, 4);
        robot.write("capability sys_");
        waitUntil(() -> completion().isShowing());
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(completion().isShowing()).isFalse();
        assertThat(editor.area().getParagraph(5).getText()).isEqualTo("  capability sys_");

        robot.press(KeyCode.CONTROL, KeyCode.SPACE).release(KeyCode.SPACE, KeyCode.CONTROL);
        waitUntil(() -> completion().isShowing());
        assertThat(completion().shownItems().get(0).label()).isEqualTo("sys_admin");
        robot.type(KeyCode.DOWN);
        robot.type(KeyCode.TAB);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(editor.area().getParagraph(5).getText()).isEqualTo("  capability sys_boot");

        // A single fitting word is inserted at once by Ctrl+Space.
        robot.write(" kil");
        robot.press(KeyCode.CONTROL, KeyCode.SPACE).release(KeyCode.SPACE, KeyCode.CONTROL);
        waitUntil(() -> editor.area().getParagraph(5).getText().endsWith("kill"));
        assertThat(editor.area().getParagraph(5).getText()).isEqualTo("  capability sys_boot kill");
    }

    @Test
    void completionKnowsFlagsIncludesVariablesAndTargets(FxRobot robot) throws Exception {
        waitUntil(() -> problems().policy() != null);
        newLineAfter(robot, 3);
        robot.write("include <abstractions/ba");
        waitUntil(() -> completion().isShowing());
        assertThat(completion().shownItems()).extracting(CompletionItem::label)
                .containsExactly("abstractions/base", "abstractions/bash");
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(editor.area().getParagraph(4).getText()).isEqualTo("  include <abstractions/base>");

        robot.type(KeyCode.ENTER);
        robot.write("@{HO");
        waitUntil(() -> completion().isShowing());
        assertThat(completion().shownItems()).extracting(CompletionItem::label).containsExactly("@{HOME}");
        robot.type(KeyCode.ESCAPE);

        robot.write("/bin/x Cx -> ch");
        waitUntil(() -> completion().isShowing());
        assertThat(completion().shownItems()).extracting(CompletionItem::label).containsExactly("child");

        robot.interact(() -> editor.area().moveTo(2, "profile demo flags=(attach_disconnected".length()));
        robot.write(", comp");
        waitUntil(() -> completion().isShowing());
        assertThat(completion().shownItems()).extracting(CompletionItem::label).containsExactly("complain");
    }

    @Test
    void quickFixCorrectsACapabilityAndUndoRestoresTheTextExactly(FxRobot robot) throws Exception {
        int at = PROFILE.indexOf("chown");
        robot.clickOn(editor.area());
        robot.interact(() -> editor.area().replaceText(at, at + "chown".length(), "chwon"));
        String broken = editor.area().getText();
        waitUntil(() -> problems().problems().stream().anyMatch(p -> p.code().equals("unknown-capability")));
        robot.interact(() -> editor.area().moveTo(at + 2));

        robot.press(KeyCode.CONTROL, KeyCode.PERIOD).release(KeyCode.PERIOD, KeyCode.CONTROL);
        waitUntil(() -> editor.component(QuickFixes.class).orElseThrow().isShowing());
        assertThat(editor.component(QuickFixes.class).orElseThrow().fixesAtCaret().get(0).title())
                .isEqualTo("Change to capability 'chown'");
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(editor.area().getText()).isEqualTo(PROFILE);

        robot.interact(() -> editor.area().undo());
        assertThat(editor.area().getText()).isEqualTo(broken);
        waitUntil(() -> problems().problems().stream().anyMatch(p -> p.code().equals("unknown-capability")));
    }

    @Test
    void quickFixAddsAMissingCommaFromTheGutterMarker(FxRobot robot) throws Exception {
        int childOpen = PROFILE.indexOf("child {") + "child {".length();
        robot.interact(() -> editor.area().insertText(childOpen, "\n    /tmp/x r"));
        String broken = editor.area().getText();
        waitUntil(() -> problems().problems().stream().anyMatch(p -> p.code().equals("missing-comma")));
        robot.clickOn(editor.area());
        robot.interact(() -> editor.component(QuickFixes.class).orElseThrow().showForLine(7));
        assertThat(editor.component(QuickFixes.class).orElseThrow().isShowing()).isTrue();
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(editor.area().getParagraph(7).getText()).isEqualTo("    /tmp/x r,");
        robot.interact(() -> editor.area().undo());
        assertThat(editor.area().getText()).isEqualTo(broken);
    }

    @Test
    void clashingExecModesAreFixedWithTheOtherRulesModeUntilTheTextChanges(FxRobot robot) throws Exception {
        int at = PROFILE.indexOf("  capability");
        robot.interact(() -> editor.area().insertText(at, "  /usr/bin/* px,\n  /usr/bin/f* ix,\n"));
        waitUntil(() -> problems().problems().stream().anyMatch(p -> p.code().equals("conflicting-exec-modes")));
        int clashing = editor.area().getText().indexOf("/usr/bin/f*");
        QuickFixes quickFixes = editor.component(QuickFixes.class).orElseThrow();
        List<FixProposal> fixes = WaitForAsyncUtils.asyncFx(() -> {
            editor.area().moveTo(clashing + 2);
            return quickFixes.fixesAtCaret();
        }).get();
        assertThat(fixes).extracting(FixProposal::title)
                .containsExactly("Use 'px' here, as line 5 does", "Use 'ix' on line 5 too, as here");

        // Typed text moves the rules: the engine's edits are of the text it checked, so they wait for the next check.
        List<FixProposal> afterTyping = WaitForAsyncUtils.asyncFx(() -> {
            editor.area().insertText(0, "\n");
            editor.area().moveTo(clashing + 3);
            return quickFixes.fixesAtCaret();
        }).get();
        assertThat(afterTyping).isEmpty();
        waitUntil(() -> problems().isCurrent());
        robot.interact(() -> quickFixes.apply(quickFixes.fixesAtCaret().get(0)));
        assertThat(editor.area().getText()).contains("  /usr/bin/* px,\n  /usr/bin/f* px,\n");
        waitUntil(() -> problems().isCurrent()
                && problems().problems().stream().noneMatch(p -> p.code().equals("conflicting-exec-modes")));
    }

    @Test
    void hoverShowsDocumentation(FxRobot robot) throws Exception {
        HoverDocumentation hover = editor.component(HoverDocumentation.class).orElseThrow();
        int at = PROFILE.indexOf("chown") + 2;
        waitUntil(() -> editor.area().getStyleOfChar(at).contains("capability"));
        Bounds[] bounds = new Bounds[1];
        robot.interact(() -> bounds[0] = editor.area().getCharacterBoundsOnScreen(at, at + 1).orElseThrow());
        robot.moveTo(new Point2D(bounds[0].getCenterX(), bounds[0].getCenterY()));
        waitUntil(() -> hover.shownText() != null);
        assertThat(hover.shownText()).startsWith("CAP_CHOWN").contains("owner and group");

        int keyword = PROFILE.indexOf("capability") + 3;
        assertThat(hover.textAt(keyword)).get().asString().startsWith("capability [NAME …],");
        int flag = PROFILE.indexOf("attach_disconnected") + 3;
        assertThat(hover.textAt(flag)).get().asString().startsWith("attach_disconnected —");
    }
}
