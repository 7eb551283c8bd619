package dev.armorbench.ui.editor;

import dev.armorbench.policy.syntax.TextEdit;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.value.ChangeListener;
import javafx.event.EventHandler;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import org.fxmisc.richtext.CodeArea;

/**
 * Quick fixes: Ctrl+. (or a click on a line's problem marker) lists the fixes the
 * {@link QuickFixRegistry} has for the problems at the caret; choosing one applies its edits as one
 * undoable change. Needs {@link ProblemTracking}.
 */
public final class QuickFixes implements EditorComponent {
    /** An entry of the fix list: a fix, or a line saying there is none. */
    record Choice(String title, String problem, FixProposal fix) {
    }

    private final QuickFixRegistry registry;
    private ProfileEditor editor;
    private CodeArea area;
    private ChoicePopup<Choice> popup;
    private final EventHandler<KeyEvent> keys = this::onKeyPressed;
    private final ChangeListener<Boolean> focus = (obs, was, focused) -> {
        if (!focused) {
            popup.hide();
        }
    };
    private final ChangeListener<Integer> caretMoved = (obs, old, caret) -> popup.hide();

    public QuickFixes(QuickFixRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void install(ProfileEditor editor) {
        this.editor = editor;
        this.area = editor.area();
        popup = new ChoicePopup<>(editor, "quick-fix-popup", Choice::title, Choice::problem);
        popup.setOnChoose(choice -> {
            if (choice.fix() != null) {
                apply(choice.fix());
            }
        });
        // On the editor, not the text: its filter runs before the text's own (Enter, Tab) while the list is open.
        editor.addEventFilter(KeyEvent.KEY_PRESSED, keys);
        area.focusedProperty().addListener(focus);
        area.caretPositionProperty().addListener(caretMoved);
    }

    @Override
    public void uninstall(ProfileEditor editor) {
        popup.hide();
        editor.removeEventFilter(KeyEvent.KEY_PRESSED, keys);
        area.focusedProperty().removeListener(focus);
        area.caretPositionProperty().removeListener(caretMoved);
    }

    public QuickFixRegistry registry() {
        return registry;
    }

    public boolean isShowing() {
        return popup.isShowing();
    }

    /** The fixes for the problems at the caret (those on the caret's line when none touches the caret). */
    public List<FixProposal> fixesAtCaret() {
        return fixesFor(problemsAtCaret());
    }

    /** Ctrl+.: shows the fixes at the caret. */
    public void showAtCaret() {
        show(problemsAtCaret());
    }

    /** A click on a line's problem marker: the caret goes to the line's first problem and its fixes show. */
    public void showForLine(int line) {
        List<Problem> onLine = problems().stream().filter(problem -> problem.line() == line).toList();
        if (onLine.isEmpty()) {
            return;
        }
        area.moveTo(Math.min(onLine.get(0).start(), area.getLength()));
        area.requestFocus();
        show(onLine);
    }

    /** Applies a fix's edits as one change: one undo restores the text exactly. */
    public void apply(FixProposal fix) {
        List<TextEdit> edits = editor.applyAsOneUndoStep(fix.edits());
        if (edits.isEmpty()) {
            return;
        }
        TextEdit first = edits.get(edits.size() - 1);
        area.moveTo(Math.min(first.start() + first.replacement().length(), area.getLength()));
        area.requestFollowCaret();
    }

    private void onKeyPressed(KeyEvent event) {
        if (event.getCode() == KeyCode.PERIOD && event.isShortcutDown()) {
            showAtCaret();
            event.consume();
        } else if (popup.handle(event)) {
            event.consume();
        }
    }

    private void show(List<Problem> problems) {
        List<Choice> choices = new ArrayList<>();
        String text = area.getText();
        for (Problem problem : problems) {
            for (FixProposal fix : registry.fixesFor(problem, text)) {
                choices.add(new Choice(fix.title(), problem.code(), fix));
            }
        }
        if (choices.isEmpty()) {
            String why = problems.isEmpty() ? "No problem here" : "No quick fix for this problem";
            choices.add(new Choice(why, problems.isEmpty() ? "" : problems.get(0).code(), null));
        }
        // The popup opens at the caret; moving the caret first (showForLine) must not close it again.
        area.caretPositionProperty().removeListener(caretMoved);
        popup.show(choices, 0);
        area.caretPositionProperty().addListener(caretMoved);
    }

    private List<FixProposal> fixesFor(List<Problem> problems) {
        String text = area.getText();
        List<FixProposal> fixes = new ArrayList<>();
        for (Problem problem : problems) {
            fixes.addAll(registry.fixesFor(problem, text));
        }
        return fixes;
    }

    private List<Problem> problemsAtCaret() {
        int caret = area.getCaretPosition();
        List<Problem> at = editor.component(ProblemTracking.class)
                .map(tracking -> asOfNow(tracking, tracking.problemsAt(caret))).orElse(List.of());
        if (!at.isEmpty()) {
            return at;
        }
        int line = area.getCurrentParagraph();
        return problems().stream().filter(problem -> problem.line() == line).toList();
    }

    private List<Problem> problems() {
        return editor.component(ProblemTracking.class).map(tracking -> asOfNow(tracking, tracking.problems()))
                .orElse(List.of());
    }

    /**
     * The problems without the engine's fixes when the text changed since they were found: those
     * edits hold offsets of the text as it was, while the registry's fixes read the text as it is.
     */
    private static List<Problem> asOfNow(ProblemTracking tracking, List<Problem> problems) {
        if (tracking.isCurrent()) {
            return List.copyOf(problems);
        }
        return problems.stream().map(Problem::withoutEngineFixes).toList();
    }
}
