package dev.armorbench.ui.editor;

import dev.armorbench.policy.check.PolicySources;
import dev.armorbench.policy.model.Policy;
import dev.armorbench.policy.model.Profile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.event.EventHandler;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.model.PlainTextChange;
import org.reactfx.Subscription;

/**
 * Completion at the caret: Ctrl+Space asks for it, and typing opens it by itself where the words that
 * fit form a closed set (capabilities, network words, flags, include targets, variables, targets) or a
 * keyword is begun. What fits is read by the policy lexer from the caret line's start state (taken
 * from the highlighting thread, so it is never lexed twice); choosing replaces the partial word in one
 * undoable edit.
 */
public final class Completion implements EditorComponent {
    /** Keywords are offered as you type only after this many letters (a path never begins with a letter). */
    private static final int KEYWORD_AUTO_PREFIX = 2;

    private final Supplier<PolicySources> sources;
    private final BooleanSupplier networkPermissions;
    private ProfileEditor editor;
    private CodeArea area;
    private ChoicePopup<CompletionItem> popup;
    private Subscription subscription;
    private CaretContext shownContext;
    private int shownLine;
    /** The character of the key being typed, until the text change it causes arrives. */
    private String typing;
    private final EventHandler<KeyEvent> keys = this::onKeyPressed;
    private final EventHandler<KeyEvent> typed = event -> typing = event.getCharacter();
    private final ChangeListener<Boolean> focus = (obs, was, focused) -> {
        if (!focused) {
            hide();
        }
    };
    private final ChangeListener<Integer> caretMoved = (obs, old, caret) -> {
        if (popup.isShowing() && (area.getCurrentParagraph() != shownLine
                || area.getCaretColumn() < shownContext.wordStart())) {
            hide();
        }
    };

    /** @param sources where {@code include <…>} targets are listed from */
    public Completion(Supplier<PolicySources> sources) {
        this(sources, () -> true);
    }

    /**
     * {@code networkPermissions}: whether the parser that will load the profile reads network
     * permissions; asked on the FX thread each time completion opens, so it must answer at once.
     */
    public Completion(Supplier<PolicySources> sources, BooleanSupplier networkPermissions) {
        this.sources = sources;
        this.networkPermissions = networkPermissions;
    }

    @Override
    public void install(ProfileEditor editor) {
        this.editor = editor;
        this.area = editor.area();
        popup = new ChoicePopup<>(editor, "completion-popup", CompletionItem::label, CompletionItem::detail);
        popup.setOnChoose(this::insert);
        // On the editor, not the text: its filter runs before the text's own (Enter, Tab) while the list is open.
        editor.addEventFilter(KeyEvent.KEY_PRESSED, keys);
        area.addEventFilter(KeyEvent.KEY_TYPED, typed);
        area.focusedProperty().addListener(focus);
        area.caretPositionProperty().addListener(caretMoved);
        subscription = area.plainTextChanges().subscribe(this::onTextChanged);
    }

    @Override
    public void uninstall(ProfileEditor editor) {
        hide();
        subscription.unsubscribe();
        editor.removeEventFilter(KeyEvent.KEY_PRESSED, keys);
        area.removeEventFilter(KeyEvent.KEY_TYPED, typed);
        area.focusedProperty().removeListener(focus);
        area.caretPositionProperty().removeListener(caretMoved);
    }

    public boolean isShowing() {
        return popup.isShowing();
    }

    /** The entries shown now (empty when the popup is closed). */
    public List<CompletionItem> shownItems() {
        return popup.isShowing() ? popup.items() : List.of();
    }

    public void hide() {
        popup.hide();
        shownContext = null;
    }

    /** Ctrl+Space: shows what fits at the caret; a single fitting word is inserted at once. */
    public CompletableFuture<Void> complete() {
        return request(false);
    }

    private void onKeyPressed(KeyEvent event) {
        typing = null;
        if (event.getCode() == KeyCode.SPACE && event.isShortcutDown()) {
            complete();
            event.consume();
        } else if (popup.handle(event)) {
            event.consume();
        }
    }

    private void onTextChanged(PlainTextChange change) {
        String typedNow = typing;
        typing = null;
        boolean typedHere = typedNow != null && change.getInserted().equals(typedNow) && change.getRemoved().isEmpty();
        if (!typedHere) {
            hide();
            return;
        }
        char c = typedNow.isEmpty() ? ' ' : typedNow.charAt(0);
        if (Character.isLetterOrDigit(c) || c == '_' || c == '{' || c == '<' || c == '/' || c == '.' || c == '('
                || c == '@' || popup.isShowing() && c == '-') {
            request(true);
        } else {
            hide();
        }
    }

    private CompletableFuture<Void> request(boolean automatic) {
        int line = area.getCurrentParagraph();
        int caret = area.getCaretPosition();
        String text = area.getText(line);
        CompletableFuture<LineStart> start = editor.component(SyntaxHighlighting.class)
                .map(highlighting -> highlighting.lineStart(line))
                .orElseGet(() -> CompletableFuture.completedFuture(
                        LineStart.scan(area.getText(), area.getAbsolutePosition(line, 0))));
        CompletableFuture<Void> done = new CompletableFuture<>();
        start.whenComplete((lineStart, failure) -> Platform.runLater(() -> {
            try {
                if (failure == null && area.getCaretPosition() == caret && area.getCurrentParagraph() == line
                        && area.getText(line).equals(text)) {
                    show(CaretContext.at(text, area.getCaretColumn(), lineStart), line, automatic);
                }
            } finally {
                done.complete(null);
            }
        }));
        return done;
    }

    private void show(CaretContext context, int line, boolean automatic) {
        boolean needsDocument = switch (context.kind()) {
            case INCLUDE, VARIABLE, PROFILE_TARGET -> true;
            default -> false;
        };
        CompletionCandidates.DocumentFacts facts = needsDocument ? facts() : CompletionCandidates.DocumentFacts.NONE;
        List<CompletionItem> items = CompletionCandidates.forContext(context,
                facts.withNetworkPermissions(networkPermissions.getAsBoolean()));
        if (items.isEmpty() || automatic && !offersAutomatically(context)) {
            hide();
            return;
        }
        shownContext = context;
        shownLine = line;
        if (!automatic && items.size() == 1) {
            insert(items.get(0));
            return;
        }
        popup.show(items, preselected(items, context, area.getText(line)),
                area.getAbsolutePosition(line, context.wordStart()));
    }

    /**
     * When the word goes on after the caret (completing inside a mistyped word), the entry nearest to
     * the whole word is chosen first; otherwise the first.
     */
    private static int preselected(List<CompletionItem> items, CaretContext context, String line) {
        int caretColumn = context.wordStart() + context.prefix().length();
        if (context.wordEnd() <= caretColumn || context.wordEnd() > line.length()) {
            return 0;
        }
        String whole = line.substring(context.wordStart(), context.wordEnd());
        int best = 0;
        for (int i = 1; i < items.size(); i++) {
            if (EditDistance.between(whole, items.get(i).label()) < EditDistance.between(whole, items.get(best).label())) {
                best = i;
            }
        }
        return best;
    }

    private static boolean offersAutomatically(CaretContext context) {
        return switch (context.kind()) {
            case NONE, PERMISSION -> false;
            case PREAMBLE_KEYWORD, RULE_KEYWORD, QUALIFIED_RULE_KEYWORD -> context.prefix().length() >= KEYWORD_AUTO_PREFIX;
            case INCLUDE, VARIABLE -> true;
            default -> !context.prefix().isEmpty();
        };
    }

    /** Replaces the partial word by the chosen one: one edit, one undo step. */
    private void insert(CompletionItem item) {
        CaretContext context = shownContext;
        hide();
        if (context == null) {
            return;
        }
        int lineStart = area.getAbsolutePosition(shownLine, 0);
        String insertion = item.insertion();
        String after = area.getText(shownLine).substring(Math.min(context.wordEnd(), area.getParagraphLength(shownLine)));
        if (context.kind() == CaretContext.Kind.INCLUDE && !insertion.endsWith("/") && !after.startsWith(">")) {
            insertion += ">";
        }
        // Its own undo step: never merged into the typing before it.
        area.getUndoManager().preventMerge();
        area.replaceText(lineStart + context.wordStart(), lineStart + context.wordEnd(), insertion);
        area.getUndoManager().preventMerge();
        area.moveTo(lineStart + context.wordStart() + insertion.length());
        area.requestFollowCaret();
        if (context.kind() == CaretContext.Kind.INCLUDE && insertion.endsWith("/")) {
            request(true); // Go on into the directory.
        }
    }

    /** What the document offers: include directories, its variables (and its includes'), profile names. */
    private CompletionCandidates.DocumentFacts facts() {
        List<Path> includeDirectories = new ArrayList<>();
        PolicySources policySources = sources.get();
        if (policySources != null) {
            // Every directory of the search path, in order: the first one that has a name wins, as in the parser.
            policySources.searchPath().stream().filter(java.nio.file.Files::isDirectory).map(Path::normalize)
                    .forEach(includeDirectories::add);
        }
        Set<String> variables = new LinkedHashSet<>(AppArmorVocabulary.BUILTIN_VARIABLES);
        Set<String> profiles = new LinkedHashSet<>();
        Policy policy = editor.component(ProblemTracking.class).map(ProblemTracking::policy).orElse(null);
        boolean tunablesRead = policy != null && policy.variables().containsKey("HOME");
        if (!tunablesRead && area.getText().contains("tunables/global")) {
            // Included but not on this machine's search path: offer what it defines on Debian and Ubuntu.
            variables.addAll(AppArmorVocabulary.TUNABLES_GLOBAL_VARIABLES);
        }
        if (policy != null) {
            variables.addAll(policy.variables().keySet());
            for (Profile profile : policy.profiles()) {
                collectNames(profile, profiles);
            }
        }
        return new CompletionCandidates.DocumentFacts(includeDirectories, variables, profiles, true);
    }

    private static void collectNames(Profile profile, Set<String> names) {
        if (profile.name() != null && !profile.name().isEmpty()) {
            names.add(profile.name());
        }
        for (Profile child : profile.children()) {
            collectNames(child, names);
        }
    }
}
