package dev.armorbench.ui.suggest;

import dev.armorbench.audit.ReadProgress;
import dev.armorbench.policy.check.Diagnostic;
import dev.armorbench.policy.check.PolicySources;
import dev.armorbench.policy.check.SourceFile;
import dev.armorbench.policy.syntax.TextEdit;
import dev.armorbench.suggest.Alternative;
import dev.armorbench.suggest.EditPlan;
import dev.armorbench.suggest.Hunk;
import dev.armorbench.suggest.ProfileEdits;
import dev.armorbench.suggest.RuleKind;
import dev.armorbench.suggest.RuleQualifiers;
import dev.armorbench.suggest.Suggestion;
import dev.armorbench.ui.editor.ChoicePopup;
import dev.armorbench.ui.editor.EditorComponent;
import dev.armorbench.ui.editor.LineGutter;
import dev.armorbench.ui.editor.ProfileEditor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.PauseTransition;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableDoubleValue;
import javafx.event.EventHandler;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.Region;
import javafx.util.Duration;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.model.PlainTextChange;
import org.reactfx.Subscription;

/**
 * The inline diff of suggested rules: each hunk of {@link ProfileEdits#plan} is drawn under the
 * line it would be inserted after (as a block of added lines, see {@link LineGutter#setLineBlocks}),
 * never as text of the document, so saving, checking and highlighting see only the user's text.
 * Accepting plans the suggestions again on the text as it is at that moment and applies the edits
 * as one undoable change; a user's edit while hunks wait moves them with the text at once and plans
 * them anew a moment later, so stale offsets are never applied. Needs {@link LineGutter}.
 *
 * <p>Call on the FX thread. {@link #showSuggestions} may be called again and again (a live log):
 * new suggestions merge into the pending ones.
 */
public final class SuggestionDiff implements EditorComponent {
    private static final Duration REPLAN_DELAY = Duration.millis(300);

    /** A hunk as shown: where it hangs (an offset on the line above the insertion), its lines, its check. */
    private static final class Shown {
        final Hunk hunk;
        final List<HunkView.AddedLine> lines;
        int anchor;
        List<Diagnostic> newErrors;

        Shown(Hunk hunk, List<HunkView.AddedLine> lines, int anchor) {
            this.hunk = hunk;
            this.lines = lines;
            this.anchor = anchor;
        }
    }

    /**
     * An entry of the alternatives list (Alt+A): another alternative ({@code index}), the rule's
     * qualifiers toggled ({@code qualifiers}, not null), or the rules the offer replaces instead
     * of it ({@code split}).
     */
    public record AlternativeChoice(Suggestion suggestion, int index, RuleQualifiers qualifiers, boolean split,
            String label, String detail) {
    }

    private final Supplier<Path> documentPath;
    private final Supplier<PolicySources> sources;
    private final PendingSuggestions pending = new PendingSuggestions();
    private final PauseTransition replanLater = new PauseTransition(REPLAN_DELAY);
    private static final int MAX_REMEMBERED_ACCEPTS = 20;

    /** An accept as an edit of the text: the text before and after, and the suggestions it took. */
    private record AcceptedEdit(String before, String after, PendingSuggestions.Accepted accepted) {
    }

    private final java.util.Deque<AcceptedEdit> acceptedEdits = new java.util.ArrayDeque<>();
    private ProfileEditor editor;
    private CodeArea area;
    private LineGutter gutter;
    private SuggestionBar bar;
    private ChoicePopup<AlternativeChoice> alternativesPopup;
    private Subscription textChanges;
    private List<Shown> shown = List.of();
    private List<Suggestion> unplaced = List.of();
    /** Anchor lines as last drawn; their paragraphs are re-measured when they change. */
    private Set<Integer> drawnLines = Set.of();
    private int planVersion;
    private boolean applying;
    private boolean flip;
    private int focusedLine = -1;
    private String origin = "";
    private Runnable onChanged = () -> { };
    private Answers onAnswered = (accepted, rejected) -> { };
    private final EventHandler<KeyEvent> keys = this::onKeyPressed;
    /**
     * A key this component used also arrives as typed text (RichTextFX on Linux types Alt+A as "a",
     * since AltGr combinations are characters); that character is dropped.
     */
    private boolean dropTyped;
    private final EventHandler<KeyEvent> typed = event -> {
        if (dropTyped) {
            event.consume();
        }
    };
    private final EventHandler<KeyEvent> released = event -> dropTyped = false;
    private final ChangeListener<Integer> caretLine = (obs, old, line) -> refocus();

    public SuggestionDiff(Supplier<Path> documentPath, Supplier<PolicySources> sources) {
        this.documentPath = documentPath;
        this.sources = sources;
        replanLater.setOnFinished(event -> replan());
    }

    @Override
    public void install(ProfileEditor editor) {
        this.editor = editor;
        this.area = editor.area();
        this.gutter = editor.component(LineGutter.class)
                .orElseThrow(() -> new IllegalStateException("install LineGutter before SuggestionDiff"));
        gutter.setLineBlocks(this::blockBelow);
        bar = new SuggestionBar(this::previousHunk, this::nextHunk, this::acceptAll, this::rejectAll);
        editor.bottomBars().getChildren().add(0, bar);
        alternativesPopup = new ChoicePopup<>(editor, "alternative-popup", AlternativeChoice::label,
                AlternativeChoice::detail);
        alternativesPopup.setOnChoose(choice -> {
            if (choice.split()) {
                split(choice.suggestion());
            } else if (choice.qualifiers() != null) {
                qualify(choice.suggestion(), choice.qualifiers());
            } else {
                chooseAlternative(choice.suggestion(), choice.index());
            }
        });
        textChanges = area.plainTextChanges().subscribe(this::textChanged);
        area.currentParagraphProperty().addListener(caretLine);
        editor.addEventFilter(KeyEvent.KEY_PRESSED, keys);
        editor.addEventFilter(KeyEvent.KEY_TYPED, typed);
        editor.addEventFilter(KeyEvent.KEY_RELEASED, released);
    }

    @Override
    public void uninstall(ProfileEditor editor) {
        replanLater.stop();
        stopShowingProgress();
        textChanges.unsubscribe();
        area.currentParagraphProperty().removeListener(caretLine);
        editor.removeEventFilter(KeyEvent.KEY_PRESSED, keys);
        editor.removeEventFilter(KeyEvent.KEY_TYPED, typed);
        editor.removeEventFilter(KeyEvent.KEY_RELEASED, released);
        alternativesPopup.hide();
        editor.bottomBars().getChildren().remove(bar);
        gutter.setLineBlocks(null);
        shown = List.of();
        restyleAnchors();
    }

    // ---- what other parts of the UI call ----

    /**
     * Shows suggestions as hunks in the text. Suggestions already pending take the new events (and
     * keep the alternative the user chose); ones the user answered are not offered again.
     *
     * @return how many of them were new
     */
    public int showSuggestions(List<Suggestion> suggestions) {
        int added = pending.merge(notInText(suggestions));
        replan();
        return added;
    }

    /**
     * The offers whose rule is not a line of the document yet (qualifiers aside): a live feed planned
     * against an older text offers again what the user has just accepted.
     */
    private List<Suggestion> notInText(List<Suggestion> suggestions) {
        Set<String> lines = new java.util.HashSet<>();
        area.getText().lines().forEach(line -> lines.add(withoutQualifiers(line.strip())));
        List<Suggestion> fresh = new ArrayList<>();
        for (Suggestion suggestion : suggestions) {
            if (suggestion.alternatives().stream().noneMatch(a -> lines.contains(withoutQualifiers(a.rule())))) {
                fresh.add(suggestion);
            }
        }
        return fresh;
    }

    private static String withoutQualifiers(String rule) {
        String body = rule;
        while (body.startsWith("audit ") || body.startsWith("deny ") || body.startsWith("owner ")) {
            body = body.substring(body.indexOf(' ') + 1);
        }
        return body;
    }

    /** Says in the bar where the suggestions came from ({@code from audit.log: 120 lines, …}). */
    public void setOrigin(String origin) {
        stopShowingProgress();
        bar.showStop(null);
        this.origin = origin == null ? "" : origin;
        updateBar();
    }

    /** Shows a message in the bar (an import with nothing to suggest), until suggestions come. */
    public void showMessage(String message) {
        stopShowingProgress();
        bar.showStop(null);
        this.origin = message;
        if (pending.isEmpty()) {
            bar.update("No suggestions", message, false);
        } else {
            updateBar();
        }
    }

    /**
     * Reading {@code what} (a log) is under way: "Reading…" and what, with a Stop button that runs
     * {@code onStop}; suggestions already waiting stay counted.
     */
    public void showReading(String what, Runnable onStop) {
        showReading(what, onStop, null);
    }

    /**
     * {@link #showReading(String, Runnable)}, with how far the reading has come, looked at a few
     * times a second until the reading's outcome is shown: "Reading… 45%" and the lines read so far.
     */
    public void showReading(String what, Runnable onStop, ReadProgress progress) {
        stopShowingProgress();
        showProgress(what, progress);
        bar.showStop(onStop);
        if (progress != null) {
            progressTicks = new Timeline(new KeyFrame(PROGRESS_EVERY, e -> showProgress(what, progress)));
            progressTicks.setCycleCount(Animation.INDEFINITE);
            progressTicks.play();
        }
    }

    /** How often the bar looks at a reading's progress: often enough to be seen moving, rarely enough to cost nothing. */
    private static final Duration PROGRESS_EVERY = Duration.millis(250);
    private Timeline progressTicks;

    private void showProgress(String what, ReadProgress progress) {
        boolean started = progress != null && progress.lines() > 0;
        String percent = progress == null ? "" : progress.percent();
        String where = !started ? what
                : progress.files() > 1 ? progress.describe()
                : what + ": " + progress.linesRead();
        this.origin = "reading " + what + (percent.isEmpty() ? "" : " (" + percent + ")");
        if (pending.isEmpty()) {
            bar.update(percent.isEmpty() ? "Reading…" : "Reading… " + percent, where, false);
        } else {
            updateBar();
        }
    }

    private void stopShowingProgress() {
        if (progressTicks != null) {
            progressTicks.stop();
            progressTicks = null;
        }
    }

    /** The hunks as shown now, in the order of the text. */
    public List<Hunk> hunks() {
        return shown.stream().map(s -> s.hunk).toList();
    }

    /** Suggestions waiting whose profile this document does not define. */
    public List<Suggestion> unplaced() {
        return unplaced;
    }

    public boolean hasPending() {
        return !pending.isEmpty();
    }

    /** Errors applying a hunk would add; empty when safe, null while it is being checked. */
    public List<Diagnostic> newErrors(Hunk hunk) {
        return shown.stream().filter(s -> s.hunk.equals(hunk)).findFirst().map(s -> s.newErrors).orElse(null);
    }

    /** Whether every shown hunk has been checked for new errors. */
    public boolean isChecked() {
        return shown.stream().allMatch(s -> s.newErrors != null);
    }

    /** The line a hunk hangs under (its lines go in after it). */
    public int lineOf(Hunk hunk) {
        return shown.stream().filter(s -> s.hunk.equals(hunk)).findFirst().map(this::line).orElse(-1);
    }

    /** The hunk under the caret's line, if one hangs there. */
    public Optional<Hunk> hunkAtCaret() {
        return shownAt(area.getCurrentParagraph()).map(s -> s.hunk);
    }

    /** What the user answered: suggestions accepted (written into the text) or rejected. */
    @FunctionalInterface
    public interface Answers {
        void answered(List<Suggestion> accepted, List<Suggestion> rejected);
    }

    /** Called after each accept or reject (the Docker panel's loop remembers them). */
    public void setOnAnswered(Answers onAnswered) {
        this.onAnswered = onAnswered == null ? (accepted, rejected) -> { } : onAnswered;
    }

    /** Called after the hunks changed (tests wait on it). */
    public void setOnChanged(Runnable onChanged) {
        this.onChanged = onChanged == null ? () -> { } : onChanged;
    }

    public String summaryText() {
        return bar.summaryText();
    }

    public String originText() {
        return bar.originText();
    }

    public boolean isAlternativesShowing() {
        return alternativesPopup.isShowing();
    }

    /** The entry selected in the alternatives list (Alt+A) while it shows. */
    public Optional<AlternativeChoice> selectedAlternative() {
        return alternativesPopup.isShowing() ? alternativesPopup.selected() : Optional.empty();
    }

    // ---- answers ----

    /** Applies a hunk, planned anew on the current text, as one undoable edit. */
    public void accept(Hunk hunk) {
        apply(hunk.suggestions());
    }

    public void reject(Hunk hunk) {
        List<Suggestion> rejected = currentOf(hunk.suggestions());
        pending.answer(rejected);
        replan();
        onAnswered.answered(List.of(), rejected);
    }

    /** Applies every placeable suggestion as one undoable edit. */
    public void acceptAll() {
        apply(pending.all());
    }

    public void rejectAll() {
        List<Suggestion> rejected = pending.answerAll();
        replan();
        onAnswered.answered(List.of(), rejected);
    }

    /** Writes a suggestion with another of its alternatives (an index into {@code alternatives()}). */
    public void chooseAlternative(Suggestion suggestion, int alternative) {
        pending.choose(suggestion, alternative);
        replan();
    }

    /**
     * Offers the rules {@code suggestion} replaces instead of it: each file a glob stands for, each
     * rule an include grants. The user wants them exact; the offer is not made again in this document.
     */
    public void split(Suggestion suggestion) {
        if (pending.split(suggestion)) {
            replan();
        }
    }

    /** What splitting an offer gives, for a person choosing: "each path exactly: 600 rules". */
    static String splitLabel(Suggestion suggestion) {
        int count = suggestion.replaces().size();
        return suggestion.kind() == RuleKind.INCLUDE
                ? String.format("instead: the %,d rules it grants, one by one", count)
                : String.format("each path exactly: %,d rules", count);
    }

    /** A list entry that shows the rule as the qualifiers would write it. */
    private static AlternativeChoice qualifierChoice(Suggestion suggestion, RuleQualifiers qualifiers, String what,
            String where) {
        String rule = qualifiers.apply(suggestion.chosen().rule(), suggestion.chosen().kind());
        return new AlternativeChoice(suggestion, -1, qualifiers, false, "   " + rule, what + where);
    }

    /** Writes a suggestion with {@code audit}, {@code deny} or (for file rules) {@code owner}, or without. */
    public void qualify(Suggestion suggestion, RuleQualifiers qualifiers) {
        pending.qualify(suggestion, qualifiers);
        replan();
    }

    /** Whether {@code audit} and {@code deny} can be put on a suggestion (not on includes and new hats). */
    static boolean canQualify(Suggestion suggestion) {
        return suggestion.kind() != RuleKind.INCLUDE && suggestion.kind() != RuleKind.CHANGE_HAT;
    }

    /** Moves the caret to the next hunk's line (F8), round to the first. */
    public void nextHunk() {
        move(1);
    }

    /** Moves the caret to the previous hunk's line (Shift+F8), round to the last. */
    public void previousHunk() {
        move(-1);
    }

    /** Alt+A: the alternatives of the hunk at the caret, in a list at the caret. */
    public void showAlternatives() {
        Optional<Shown> at = shownAt(area.getCurrentParagraph());
        if (at.isEmpty()) {
            nextHunk();
            return;
        }
        List<AlternativeChoice> choices = new ArrayList<>();
        int selected = -1;
        int lineNumber = 0;
        long lines = at.get().lines.stream().filter(l -> l.suggestion() != null).count();
        for (HunkView.AddedLine line : at.get().lines) {
            lineNumber++;
            Suggestion suggestion = line.suggestion();
            if (suggestion == null) {
                continue;
            }
            String where = lines > 1 ? "  ·  line " + lineNumber : "";
            if (suggestion.alternatives().size() > 1) {
                for (int i = 0; i < suggestion.alternatives().size(); i++) {
                    Alternative alternative = suggestion.alternatives().get(i);
                    boolean chosen = i == suggestion.defaultIndex();
                    if (chosen && selected < 0) {
                        selected = choices.size();
                    }
                    choices.add(new AlternativeChoice(suggestion, i, null, false, (chosen ? "● " : "   ") + alternative.rule(),
                            alternative.label() + where));
                }
            }
            if (!suggestion.replaces().isEmpty()) {
                choices.add(new AlternativeChoice(suggestion, -1, null, true,
                        "   " + suggestion.replaces().get(0).chosen().rule() + (suggestion.replaces().size() > 1 ? " …" : ""),
                        splitLabel(suggestion) + where));
            }
            if (canQualify(suggestion)) {
                RuleQualifiers now = RuleQualifiers.of(suggestion.chosen().rule());
                boolean fileLike = suggestion.kind() == RuleKind.FILE || suggestion.kind() == RuleKind.LINK;
                choices.add(qualifierChoice(suggestion, new RuleQualifiers(!now.audit(), now.deny(), now.owner()),
                        now.audit() ? "without audit" : "audit: log each use", where));
                choices.add(qualifierChoice(suggestion, new RuleQualifiers(now.audit(), !now.deny(), now.owner()),
                        now.deny() ? "allow after all" : "deny: refuse it, the log stops asking", where));
                if (fileLike) {
                    choices.add(qualifierChoice(suggestion, new RuleQualifiers(now.audit(), now.deny(), !now.owner()),
                            now.owner() ? "any owner's files" : "owner: only the user's own files", where));
                }
            }
        }
        if (choices.isEmpty()) {
            return;
        }
        int line = line(at.get());
        area.moveTo(line, area.getParagraphLength(line));
        // Under the block rather than over it: the lines being chosen for stay in sight.
        HunkView view = focusedView;
        javafx.geometry.Bounds block = view == null || view.getScene() == null ? null
                : view.localToScreen(view.getBoundsInLocal());
        if (block != null) {
            double textStart = block.getMinX() + view.gutterWidth();
            alternativesPopup.showUnder(choices, Math.max(0, selected), new javafx.geometry.BoundingBox(textStart,
                    block.getMinY(), Math.max(1, block.getWidth() - view.gutterWidth()), block.getHeight()));
        } else {
            alternativesPopup.show(choices, Math.max(0, selected));
        }
    }

    // ---- planning and drawing ----

    private void apply(List<Suggestion> suggestions) {
        replanLater.stop();
        List<Suggestion> current = currentOf(suggestions);
        EditPlan fresh = ProfileEdits.plan(new SourceFile(documentPath.get(), area.getText()), current);
        if (fresh.hunks().isEmpty()) {
            replan();
            return;
        }
        List<TextEdit> edits = new ArrayList<>();
        List<Suggestion> placed = new ArrayList<>();
        for (Hunk hunk : fresh.hunks()) {
            edits.add(hunk.edit());
            placed.addAll(hunk.suggestions());
        }
        String before = area.getText();
        applying = true;
        try {
            editor.applyAsOneUndoStep(edits);
        } finally {
            applying = false;
        }
        acceptedEdits.addFirst(new AcceptedEdit(before, area.getText(), pending.accept(placed)));
        while (acceptedEdits.size() > MAX_REMEMBERED_ACCEPTS) {
            acceptedEdits.removeLast();
        }
        replan();
        onAnswered.answered(List.copyOf(placed), List.of());
    }

    /**
     * Undo and redo of an accept: when the text is again exactly what it was before an accept, its
     * suggestions come back as hunks; when it is again what the accept made, they go.
     */
    private void followUndo() {
        String text = area.getText();
        boolean changed = false;
        for (AcceptedEdit edit : acceptedEdits) {
            if (text.length() == edit.before().length() && text.equals(edit.before())) {
                changed |= pending.restore(edit.accepted());
            } else if (text.length() == edit.after().length() && text.equals(edit.after())) {
                changed |= pending.withdraw(edit.accepted());
            }
        }
        if (changed) {
            replan();
        }
    }

    private List<Suggestion> currentOf(Collection<Suggestion> suggestions) {
        List<Suggestion> current = new ArrayList<>();
        for (Suggestion suggestion : suggestions) {
            Suggestion now = pending.current(suggestion);
            if (now != null) {
                current.add(now);
            }
        }
        return current;
    }

    /** Plans the pending suggestions on the text as it is now, draws them, and checks them in the background. */
    private void replan() {
        replanLater.stop();
        int version = ++planVersion;
        if (pending.isEmpty()) {
            shown = List.of();
            unplaced = List.of();
            linesDrawn = HunkView.FIRST_LINES;
        } else {
            EditPlan plan = ProfileEdits.plan(new SourceFile(documentPath.get(), area.getText()), pending.all());
            List<Shown> next = new ArrayList<>();
            for (Hunk hunk : plan.hunks()) {
                next.add(new Shown(hunk, addedLines(hunk), anchorOf(hunk)));
            }
            shown = next;
            unplaced = plan.unplaced();
            check(plan, version);
        }
        alternativesPopup.hide();
        focusedLine = area.getCurrentParagraph();
        redraw();
    }

    /** Each hunk alone against the text: would it add an error? On the editor's background thread. */
    private void check(EditPlan plan, int version) {
        List<Hunk> hunks = plan.hunks();
        PolicySources policySources = sources.get();
        editor.background().execute(() -> {
            List<List<Diagnostic>> results = new ArrayList<>();
            for (Hunk hunk : hunks) {
                List<Diagnostic> added;
                try {
                    added = new EditPlan(plan.source(), List.of(hunk), List.of()).newErrors(policySources);
                } catch (RuntimeException e) {
                    added = List.of();
                }
                results.add(added);
            }
            Platform.runLater(() -> {
                if (version != planVersion) {
                    return; // planned again since; that plan has its own check
                }
                for (int i = 0; i < shown.size() && i < results.size(); i++) {
                    shown.get(i).newErrors = results.get(i);
                }
                gutter.refresh();
                onChanged.run();
            });
        });
    }

    private void textChanged(PlainTextChange change) {
        if (!applying && !acceptedEdits.isEmpty()) {
            // After this change is done: the plan must not change the document inside its change event.
            Platform.runLater(this::followUndo);
        }
        if (shown.isEmpty()) {
            return;
        }
        int position = change.getPosition();
        int removedEnd = change.getRemovalEnd();
        int delta = change.getNetLength();
        for (Shown s : shown) {
            if (s.anchor >= removedEnd) {
                s.anchor += delta;
            } else if (s.anchor >= position) {
                s.anchor = position;
            }
        }
        if (!applying) {
            // The blocks follow their lines at once; the plan is made anew once typing pauses.
            Platform.runLater(this::redrawIfMoved);
            replanLater.playFromStart();
        }
    }

    private void redrawIfMoved() {
        if (!anchorLines().equals(drawnLines)) {
            redraw();
        }
    }

    private void redraw() {
        gutter.refresh();
        restyleAnchors();
        updateBar();
        onChanged.run();
    }

    /**
     * Gives the old and new anchor lines a new paragraph style: the text view then measures those
     * lines again (their height changes with the block under them). The class alternates, so a line
     * that keeps a block is re-measured too.
     */
    private void restyleAnchors() {
        Set<Integer> now = anchorLines();
        Set<Integer> touched = new LinkedHashSet<>(drawnLines);
        touched.addAll(now);
        flip = !flip;
        String on = flip ? "suggestion-anchor-a" : "suggestion-anchor-b";
        int paragraphs = area.getParagraphs().size();
        for (int line : touched) {
            if (line < 0 || line >= paragraphs) {
                continue;
            }
            List<String> styles = new ArrayList<>(area.getParagraph(line).getParagraphStyle());
            styles.remove("suggestion-anchor-a");
            styles.remove("suggestion-anchor-b");
            if (now.contains(line)) {
                styles.add(on);
            }
            area.setParagraphStyle(line, styles);
        }
        drawnLines = now;
    }

    private Set<Integer> anchorLines() {
        Set<Integer> lines = new LinkedHashSet<>();
        for (Shown s : shown) {
            lines.add(line(s));
        }
        return lines;
    }

    private void updateBar() {
        if (pending.isEmpty()) {
            bar.show(false);
            return;
        }
        int rules = shown.stream().mapToInt(s -> s.hunk.suggestions().size()).sum();
        String summary = shown.isEmpty() ? "No suggested rule fits a profile of this document"
                : rules + (rules == 1 ? " suggested rule" : " suggested rules") + " in " + shown.size()
                        + (shown.size() == 1 ? " place" : " places");
        List<String> notes = new ArrayList<>();
        if (!origin.isEmpty()) {
            notes.add(origin);
        }
        if (!unplaced.isEmpty()) {
            Set<String> profiles = new LinkedHashSet<>();
            unplaced.forEach(s -> profiles.add(s.profile().root()));
            List<String> names = new ArrayList<>(profiles);
            notes.add(unplaced.size() + " more for " + (names.size() == 1 ? "profile " : "profiles ")
                    + String.join(", ", names.subList(0, Math.min(4, names.size())))
                    + (names.size() > 4 ? " and " + (names.size() - 4) + " others" : "")
                    + ", not defined in this document");
        }
        bar.update(summary, String.join("   ·   ", notes), !shown.isEmpty() || !unplaced.isEmpty());
    }

    /** The block drawn for the hunk at the caret, last time it was drawn (the Alt+A list opens under it). */
    private HunkView focusedView;
    /** How many added lines of a long hunk are drawn; back to the first few when no suggestion is left. */
    private int linesDrawn = HunkView.FIRST_LINES;

    private Region blockBelow(int line, ObservableDoubleValue gutterWidth) {
        Region block = shownAt(line).map(s -> (Region) new HunkView(s.hunk, s.lines, linesDrawn, s.newErrors,
                line == focusedLine, gutterWidth, new HunkView.Actions() {
                    @Override
                    public void accept(Hunk hunk) {
                        SuggestionDiff.this.accept(hunk);
                    }

                    @Override
                    public void showMoreLines() {
                        linesDrawn += HunkView.MORE_LINES;
                        redraw();
                    }

                    @Override
                    public void reject(Hunk hunk) {
                        SuggestionDiff.this.reject(hunk);
                    }

                    @Override
                    public void choose(Suggestion suggestion, int alternative) {
                        chooseAlternative(suggestion, alternative);
                    }

                    @Override
                    public void qualify(Suggestion suggestion, RuleQualifiers qualifiers) {
                        SuggestionDiff.this.qualify(suggestion, qualifiers);
                    }

                    @Override
                    public void split(Suggestion suggestion) {
                        SuggestionDiff.this.split(suggestion);
                    }
                })).orElse(null);
        if (block != null && line == focusedLine) {
            focusedView = (HunkView) block;
        }
        return block;
    }

    private void refocus() {
        int line = area.getCurrentParagraph();
        boolean wasOnHunk = shownAt(focusedLine).isPresent();
        boolean isOnHunk = shownAt(line).isPresent();
        focusedLine = line;
        if (wasOnHunk || isOnHunk) {
            gutter.refresh();
        }
    }

    private Optional<Shown> shownAt(int line) {
        for (Shown s : shown) {
            if (line(s) == line) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    private int line(Shown s) {
        int offset = Math.max(0, Math.min(s.anchor, area.getLength()));
        return area.offsetToPosition(offset, org.fxmisc.richtext.model.TwoDimensional.Bias.Forward).getMajor();
    }

    private void move(int direction) {
        if (shown.isEmpty()) {
            return;
        }
        List<Integer> lines = new ArrayList<>(anchorLines());
        lines.sort(null);
        int caret = area.getCurrentParagraph();
        int target;
        if (direction > 0) {
            target = lines.stream().filter(l -> l > caret).findFirst().orElse(lines.get(0));
        } else {
            target = lines.stream().filter(l -> l < caret).reduce((a, b) -> b).orElse(lines.get(lines.size() - 1));
        }
        area.moveTo(target, area.getParagraphLength(target));
        area.showParagraphInViewport(target);
        area.requestFocus();
    }

    private void onKeyPressed(KeyEvent event) {
        dropTyped = false;
        if (alternativesPopup.handle(event)) {
            event.consume();
            dropTyped = true;
            return;
        }
        if (shown.isEmpty()) {
            return;
        }
        KeyCode code = event.getCode();
        boolean alt = event.isAltDown() && !event.isShortcutDown();
        if (code == KeyCode.F8 && !event.isAltDown() && !event.isShortcutDown()) {
            move(event.isShiftDown() ? -1 : 1);
        } else if (alt && code == KeyCode.ENTER) {
            if (event.isShiftDown()) {
                acceptAll();
            } else {
                hunkAtCaret().ifPresentOrElse(this::accept, this::nextHunk);
            }
        } else if (alt && code == KeyCode.BACK_SPACE) {
            if (event.isShiftDown()) {
                rejectAll();
            } else {
                hunkAtCaret().ifPresentOrElse(this::reject, this::nextHunk);
            }
        } else if (alt && !event.isShiftDown() && code == KeyCode.A) {
            showAlternatives();
        } else {
            return;
        }
        event.consume();
        dropTyped = true;
    }

    /** The line a hunk hangs under: the one its insertion follows (or the line it opens, after a brace). */
    private static int anchorOf(Hunk hunk) {
        TextEdit edit = hunk.edit();
        if (edit.replacement().startsWith("\n") || edit.start() == 0) {
            return edit.start();
        }
        return edit.start() - 1;
    }

    /** The lines a hunk adds, each with the suggestion it writes. */
    private static List<HunkView.AddedLine> addedLines(Hunk hunk) {
        String inserted = hunk.edit().replacement();
        if (inserted.startsWith("\n")) {
            inserted = inserted.substring(1);
        }
        List<String> texts = new ArrayList<>(List.of(inserted.split("\n", -1)));
        while (!texts.isEmpty() && texts.get(texts.size() - 1).isBlank()) {
            texts.remove(texts.size() - 1);
        }
        List<Suggestion> left = new ArrayList<>(hunk.suggestions());
        List<HunkView.AddedLine> lines = new ArrayList<>();
        for (String text : texts) {
            Suggestion writes = null;
            for (Suggestion suggestion : left) {
                if (suggestion.chosen().rule().equals(text.strip())) {
                    writes = suggestion;
                    break;
                }
            }
            left.remove(writes);
            lines.add(new HunkView.AddedLine(text, writes));
        }
        return lines;
    }
}
