package dev.armorbench.ui.editor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.armorbench.policy.check.PolicySources;
import dev.armorbench.policy.check.Severity;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class ProfileEditorTest {
    private static final String PROFILE = """
            profile demo flags=(attach_disconnected) {
              /etc/hosts r,

              profile child {
                capability chown,
              }
            }
            """;

    @TempDir
    static Path temp;

    private ProfileEditor editor;

    @Start
    void start(Stage stage) {
        editor = new ProfileEditor(PROFILE);
        editor.install(new SyntaxHighlighting());
        editor.install(new ProblemTracking(() -> temp.resolve("demo.profile"),
                () -> new PolicySources(List.of(temp), temp)));
        editor.install(new Folding());
        editor.install(new BracketMatching());
        editor.install(new LineEditing());
        editor.install(new SearchBar());
        editor.install(new LineGutter());
        stage.setScene(new Scene(editor, 800, 600));
        stage.show();
    }

    private static void waitUntil(BooleanSupplier condition) throws Exception {
        // The condition reads what the FX thread changes, so it is evaluated there.
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> WaitForAsyncUtils.asyncFx(condition::getAsBoolean).get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private Collection<String> stylesAt(String text, int occurrence) {
        String all = editor.area().getText();
        int at = -1;
        for (int i = 0; i <= occurrence; i++) {
            at = all.indexOf(text, at + 1);
        }
        return editor.area().getStyleOfChar(at + 1);
    }

    @Test
    void typingARuleGivesItsTokensTheirStyles(FxRobot robot) throws Exception {
        robot.clickOn(editor.area());
        robot.interact(() -> editor.area().moveTo(2, 0));
        robot.write("  deny /srv/** rwux,\n  audit capability net_bind_service,\n");
        waitUntil(() -> editor.area().getStyleOfChar(editor.area().getText().indexOf("net_bind") + 1)
                .contains("capability"));

        assertThat(stylesAt("deny", 0)).contains("qualifier-deny");
        assertThat(stylesAt("/srv/**", 0)).contains("path");
        assertThat(stylesAt("rwux", 0)).contains("exec-unconfined");
        assertThat(stylesAt("audit", 0)).contains("qualifier-audit");
        assertThat(stylesAt("capability net", 0)).contains("keyword");
        assertThat(stylesAt("/etc/hosts", 0)).contains("path");
        int permission = editor.area().getText().indexOf("/etc/hosts r") + "/etc/hosts ".length();
        assertThat(editor.area().getStyleOfChar(permission)).containsExactly("permission");
    }

    @Test
    void anErrorShowsAndClearsWithTheProblemsList(FxRobot robot) throws Exception {
        ProblemTracking problems = editor.component(ProblemTracking.class).orElseThrow();
        waitUntil(() -> problems.checkedVersion() > 0);
        assertThat(problems.problems()).noneMatch(p -> p.severity() == Severity.ERROR);

        int at = editor.area().getText().indexOf("chown");
        robot.interact(() -> editor.area().replaceText(at, at + "chown".length(), "chwon"));
        waitUntil(() -> problems.problems().stream().anyMatch(p -> p.severity() == Severity.ERROR));
        Problem error = problems.problems().stream().filter(p -> p.severity() == Severity.ERROR).findFirst()
                .orElseThrow();
        assertThat(error.line()).isEqualTo(4);
        waitUntil(() -> editor.area().getStyleOfChar(at + 1).contains("diagnostic-error"));

        robot.interact(() -> editor.area().replaceText(at, at + "chwon".length(), "chown"));
        waitUntil(() -> problems.problems().stream().noneMatch(p -> p.severity() == Severity.ERROR));
        waitUntil(() -> !editor.area().getStyleOfChar(at + 1).contains("diagnostic-error"));
    }

    @Test
    void foldingHidesAndShowsAChildProfile(FxRobot robot) throws Exception {
        Folding folding = editor.component(Folding.class).orElseThrow();
        waitUntil(() -> folding.canFold(3));
        robot.interact(() -> folding.fold(3));
        assertThat(editor.area().isFolded(4)).isTrue();
        assertThat(editor.area().isFolded(5)).isTrue();
        assertThat(editor.area().isFolded(6)).isFalse();
        robot.interact(() -> folding.unfold(3));
        assertThat(editor.area().isFolded(4)).isFalse();
        assertThat(editor.area().getText()).isEqualTo(PROFILE);
    }

    @Test
    void findAndReplaceAllWorkAcrossTheDocumentAndUndoAsOne(FxRobot robot) {
        SearchBar search = editor.component(SearchBar.class).orElseThrow();
        robot.interact(() -> {
            search.open(true);
            search.setQuery("profile (\\w+)", true, true);
            search.setReplacement("profile renamed_$1");
        });
        int[] replaced = new int[1];
        robot.interact(() -> replaced[0] = search.replaceAll());
        assertThat(replaced[0]).isEqualTo(2);
        assertThat(editor.area().getText()).contains("profile renamed_demo flags").contains("profile renamed_child {");

        robot.interact(() -> editor.area().undo());
        assertThat(editor.area().getText()).isEqualTo(PROFILE);
    }

    @Test
    void bracketAtTheCaretShowsItsPartner(FxRobot robot) throws Exception {
        Folding folding = editor.component(Folding.class).orElseThrow();
        waitUntil(() -> folding.canFold(0));
        int open = PROFILE.indexOf('{');
        robot.interact(() -> editor.area().moveTo(open));
        robot.interact(() -> editor.component(BracketMatching.class).orElseThrow().update());
        int[] pair = editor.component(BracketMatching.class).orElseThrow().highlighted();
        assertThat(pair).containsExactly(open, PROFILE.lastIndexOf('}'));
    }

    @Test
    void formatReindentsWithoutTouchingRuleText(FxRobot robot) {
        String messy = "profile x {\n/etc/a r,   # keep   this\n      profile y {\ncapability kill,\n  }\n}\n";
        robot.interact(() -> editor.area().replaceText(messy));
        robot.interact(() -> editor.component(LineEditing.class).orElseThrow().format());
        assertThat(editor.area().getText()).isEqualTo(
                "profile x {\n  /etc/a r,   # keep   this\n  profile y {\n    capability kill,\n  }\n}\n");
        robot.interact(() -> editor.area().undo());
        assertThat(editor.area().getText()).isEqualTo(messy);
    }

    @Test
    void commentToggleAndAutoIndent(FxRobot robot) {
        robot.interact(() -> {
            editor.area().moveTo(1, 3);
            editor.component(LineEditing.class).orElseThrow().toggleComment();
        });
        assertThat(editor.area().getParagraph(1).getText()).isEqualTo("  # /etc/hosts r,");
        robot.interact(() -> editor.component(LineEditing.class).orElseThrow().toggleComment());
        assertThat(editor.area().getParagraph(1).getText()).isEqualTo("  /etc/hosts r,");

        robot.interact(() -> editor.area().moveTo(0, editor.area().getParagraph(0).length()));
        robot.interact(() -> editor.component(LineEditing.class).orElseThrow().newLineWithIndent());
        assertThat(editor.area().getParagraph(1).getText()).isEqualTo("  ");
    }
}
