package dev.armorbench.ui;

import dev.armorbench.files.AtomicFileWriter;
import dev.armorbench.files.TextFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.control.Tab;
import javafx.scene.control.Tooltip;
import dev.armorbench.policy.check.PolicySources;
import dev.armorbench.ui.editor.BracketMatching;
import dev.armorbench.ui.editor.Completion;
import dev.armorbench.ui.editor.Documentation;
import dev.armorbench.ui.editor.HoverDocumentation;
import dev.armorbench.ui.editor.QuickFixRegistry;
import dev.armorbench.suggest.NetworkRuleForm;
import dev.armorbench.trial.load.InstalledParser;
import dev.armorbench.ui.editor.QuickFixes;
import dev.armorbench.ui.editor.Folding;
import dev.armorbench.ui.editor.LineEditing;
import dev.armorbench.ui.editor.LineGutter;
import dev.armorbench.ui.editor.ProblemTracking;
import dev.armorbench.ui.editor.ProfileEditor;
import dev.armorbench.ui.editor.SearchBar;
import dev.armorbench.ui.editor.SyntaxHighlighting;
import dev.armorbench.policy.check.SourceFile;
import dev.armorbench.suggest.Suggestion;
import dev.armorbench.ui.suggest.SuggestionDiff;
import java.util.List;
import java.util.function.Supplier;
import org.fxmisc.richtext.CodeArea;

/**
 * One open document: its editor, the file it belongs to (none while untitled), and whether the editor
 * holds changes that are not on disk. "Unsaved" is the undo history's distance from the last save, so
 * undoing back to the saved text makes the document clean again.
 */
public final class EditorTab extends Tab {
    private final ProfileEditor editor;
    private final CodeArea area;
    private final SearchBar searchBar = new SearchBar();
    private final ProblemTracking problems;
    private final SuggestionDiff suggestions;
    private final ObjectProperty<TextFile> file = new SimpleObjectProperty<>();
    private final StringProperty untitledName = new SimpleStringProperty();
    /**
     * Set when the editor's text is unsaved whatever the undo history says: the user kept it after
     * another program changed the file, or it was recovered from a session that ended unsaved.
     */
    private final BooleanProperty divergedFromDisk = new SimpleBooleanProperty();
    private final BooleanBinding unsaved;
    private final StringBinding displayName;

    private EditorTab(String text, TextFile file, String untitledName, Supplier<PolicySources> sources) {
        this.file.set(file);
        this.untitledName.set(untitledName);
        editor = new ProfileEditor(text);
        area = editor.area();
        editor.install(new SyntaxHighlighting());
        ContainerProblems containerProblems = new ContainerProblems();
        InstalledParserProblems parserProblems = new InstalledParserProblems();
        problems = editor.install(new ProblemTracking(this::documentPath, sources,
                () -> file().map(f -> f.lineSeparator() == TextFile.LineSeparator.CRLF).orElse(false))
                .withFurtherCheck(containerProblems)
                .withFurtherCheck(parserProblems));
        editor.install(new Folding());
        editor.install(new BracketMatching());
        editor.install(new LineEditing());
        editor.install(searchBar);
        // Network permissions are offered unless the installed parser is known to refuse them.
        editor.install(new Completion(sources, () -> InstalledParser.knownNetworkRuleForm()
                .map(form -> form == NetworkRuleForm.FINE_GRAINED).orElse(true)));
        editor.install(new HoverDocumentation(Documentation.bundled()));
        editor.install(new QuickFixes(parserProblems.registerFixes(containerProblems.registerFixes(QuickFixRegistry.standard()))));
        editor.install(new LineGutter());
        suggestions = editor.install(new SuggestionDiff(this::documentPath, sources));

        unsaved = Bindings.not(area.getUndoManager().atMarkedPositionProperty()).or(divergedFromDisk);
        displayName = Bindings.createStringBinding(this::name, this.file, this.untitledName);
        textProperty().bind(Bindings.when(unsaved).then(displayName.concat(" *")).otherwise(displayName));
        tooltipProperty().bind(Bindings.createObjectBinding(
                () -> new Tooltip(this.file.get() == null ? "Not saved yet" : this.file.get().path().toString()),
                this.file));

        setContent(editor);
        showCaretOnceLaidOut();
        setOnClosed(event -> editor.dispose());
    }

    /**
     * A new tab is first laid out before the window's split panes have their sizes, and the text view
     * can settle scrolled away from the caret; once the editor has its real height, the caret's line
     * is brought to the top.
     */
    private void showCaretOnceLaidOut() {
        javafx.beans.value.ChangeListener<Number> once = new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Number> observable, Number old,
                    Number height) {
                if (height.doubleValue() > 100) {
                    area.heightProperty().removeListener(this);
                    javafx.application.Platform.runLater(() -> area.showParagraphAtTop(area.getCurrentParagraph()));
                }
            }
        };
        area.heightProperty().addListener(once);
    }

    /** A tab for a file read from disk. */
    public static EditorTab forFile(TextFile file, Supplier<PolicySources> sources) {
        return new EditorTab(file.text(), file, null, sources);
    }

    /** A tab for text with no file yet (a new document or a sample); saving asks where to put it. */
    public static EditorTab untitled(String name, String text, Supplier<PolicySources> sources) {
        return new EditorTab(text, null, name, sources);
    }

    public CodeArea area() {
        return area;
    }

    public ProfileEditor editor() {
        return editor;
    }

    public SearchBar searchBar() {
        return searchBar;
    }

    public ProblemTracking problems() {
        return problems;
    }

    /** The inline diff of suggested rules in this document. */
    public SuggestionDiff suggestions() {
        return suggestions;
    }

    /**
     * Shows suggested rules as an inline diff in this document, merged into those already pending
     * (call it again as more events arrive). On the FX thread.
     *
     * @return how many of them were new
     */
    public int showSuggestions(List<Suggestion> offered) {
        return suggestions.showSuggestions(offered);
    }

    /**
     * Applies edits of the current text (non-overlapping, as the engine computes them) as one undo
     * step of its own, never merged with the typing around it.
     */
    public void applyAsOneEdit(List<dev.armorbench.policy.syntax.TextEdit> edits) {
        editor.applyAsOneUndoStep(edits);
    }

    /** The document's text as it is now, named by its file (or where an untitled one would live). */
    public SourceFile documentSource() {
        return new SourceFile(documentPath(), area.getText());
    }

    /** Where the document lives, for resolving its relative includes; untitled ones live in the working directory. */
    private Path documentPath() {
        TextFile current = file.get();
        return current != null ? current.path() : Path.of(untitledName.get().replace(" (sample)", "")).toAbsolutePath();
    }

    public Optional<Path> path() {
        return Optional.ofNullable(file.get()).map(TextFile::path);
    }

    public Optional<TextFile> file() {
        return Optional.ofNullable(file.get());
    }

    public String name() {
        TextFile current = file.get();
        return current == null ? untitledName.get() : current.path().getFileName().toString();
    }

    public BooleanBinding unsavedProperty() {
        return unsaved;
    }

    public boolean isUnsaved() {
        return unsaved.get();
    }

    public StringBinding displayNameProperty() {
        return displayName;
    }

    /**
     * Writes the editor's text to {@code target} atomically. On failure nothing changes: the text stays
     * in the editor and the document stays unsaved.
     */
    public void saveTo(Path target) throws IOException {
        TextFile current = file.get();
        boolean sameFile = current != null && Objects.equals(current.path(), target);
        TextFile.LineSeparator separator = sameFile ? current.lineSeparator() : TextFile.LineSeparator.LF;
        TextFile written = new TextFile(target, area.getText(), separator, null);
        AtomicFileWriter.write(target, written.bytesFor(written.text()));
        file.set(new TextFile(target, written.text(), separator, TextFile.DiskState.of(target)));
        area.getUndoManager().mark();
        divergedFromDisk.set(false);
    }

    /** Makes the document count as unsaved until it is saved (recovered text with no file); returns this tab. */
    EditorTab markedUnsaved() {
        divergedFromDisk.set(true);
        return this;
    }

    /** Whether another program changed or removed the file since this tab read or wrote it. */
    public boolean changedOnDisk() {
        TextFile current = file.get();
        return current != null && !TextFile.DiskState.of(current.path()).equals(current.diskState());
    }

    /** Replaces the editor's text with the file on disk. */
    public void reload() throws IOException {
        TextFile fresh = TextFile.read(file.get().path());
        file.set(fresh);
        replaceAllForgettingHistory(fresh.text());
    }

    /**
     * Keeps the editor's text after an outside change: the disk state is remembered as seen (so the
     * same change is not reported twice) and the document counts as unsaved, since it differs from disk.
     */
    public void keepEditorVersion() {
        divergedFromDisk.set(true);
        TextFile current = file.get();
        if (current != null) {
            file.set(new TextFile(current.path(), current.text(), current.lineSeparator(),
                    TextFile.DiskState.of(current.path())));
        }
    }

    private void replaceAllForgettingHistory(String text) {
        area.replaceText(text);
        area.moveTo(0);
        area.requestFollowCaret();
        area.getUndoManager().forgetHistory();
        area.getUndoManager().mark();
        divergedFromDisk.set(false);
    }
}
