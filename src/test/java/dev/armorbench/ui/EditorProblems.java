package dev.armorbench.ui;

import dev.armorbench.ui.editor.FixProposal;
import dev.armorbench.ui.editor.Problem;
import dev.armorbench.ui.editor.QuickFixes;
import dev.armorbench.ui.settings.SettingsStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * What the tests of a check in the editor do: show the window, open a file, wait for the check's
 * problem, and list the fixes at it.
 */
final class EditorProblems {
    private EditorProblems() {
    }

    /** The main window, shown, with its settings under {@code temp}. */
    static MainWindow showWindow(Stage stage, Path temp) {
        SettingsStore store = new SettingsStore(temp.resolve("config"));
        MainWindow window = new MainWindow(stage, store, store.load(), new TestPrompts(stage), () -> { });
        window.show();
        return window;
    }

    /**
     * From the test's thread: {@link #showWindow} on the FX thread, then {@code then} on it (how the
     * app goes on at its start), waiting for both.
     */
    static MainWindow showWindowOnFx(Stage stage, Path temp, java.util.function.Consumer<MainWindow> then)
            throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            MainWindow window = showWindow(stage, temp);
            then.accept(window);
            return window;
        }).get(30, TimeUnit.SECONDS);
    }

    /** Writes {@code text} to {@code file}, opens it in {@code window}, and returns its tab. */
    static EditorTab open(FxRobot robot, MainWindow window, Path file, String text) throws IOException {
        Files.writeString(file, text);
        robot.interact(() -> window.open(file));
        return window.currentTab().orElseThrow();
    }

    /** The first problem with {@code code} once the editor's check shows one (within 20 s). */
    static Problem awaitProblem(EditorTab tab, String code) throws TimeoutException {
        AtomicReference<Problem> found = new AtomicReference<>();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> {
            tab.problems().problems().stream().filter(p -> p.code().equals(code)).findFirst().ifPresent(found::set);
            return found.get() != null;
        }).get());
        return found.get();
    }

    /** Waits (within 20 s) until the editor's check shows no problem with {@code code}. */
    static void awaitNoProblem(EditorTab tab, String code) throws TimeoutException {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() ->
                tab.problems().problems().stream().noneMatch(p -> p.code().equals(code))).get());
    }

    /** The quick fixes offered with the caret just inside {@code problem}. */
    static List<FixProposal> fixesAt(FxRobot robot, EditorTab tab, Problem problem) throws Exception {
        QuickFixes quickFixes = quickFixes(tab);
        robot.interact(() -> tab.area().moveTo(problem.start() + 1));
        return WaitForAsyncUtils.asyncFx(quickFixes::fixesAtCaret).get();
    }

    static QuickFixes quickFixes(EditorTab tab) {
        return tab.editor().component(QuickFixes.class).orElseThrow();
    }
}
