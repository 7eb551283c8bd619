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
import javafx.scene.layout.BorderPane;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.LineNumberFactory;

/**
 * One open document: its editor, the file it belongs to (none while untitled), and whether the editor
 * holds changes that are not on disk. "Unsaved" is the undo history's distance from the last save, so
 * undoing back to the saved text makes the document clean again.
 */
public final class EditorTab extends Tab {
    private final CodeArea area = new CodeArea();
    private final FindBar findBar = new FindBar(area);
    private final ObjectProperty<TextFile> file = new SimpleObjectProperty<>();
    private final StringProperty untitledName = new SimpleStringProperty();
    /** Set when the user keeps the editor's text after another program changed the file. */
    private final BooleanProperty divergedFromDisk = new SimpleBooleanProperty();
    private final BooleanBinding unsaved;
    private final StringBinding displayName;

    private EditorTab(String text, TextFile file, String untitledName) {
        this.file.set(file);
        this.untitledName.set(untitledName);
        area.getStyleClass().add("profile-editor");
        area.setParagraphGraphicFactory(LineNumberFactory.get(area));
        replaceAllForgettingHistory(text);

        unsaved = Bindings.not(area.getUndoManager().atMarkedPositionProperty()).or(divergedFromDisk);
        displayName = Bindings.createStringBinding(this::name, this.file, this.untitledName);
        textProperty().bind(Bindings.when(unsaved).then(displayName.concat(" *")).otherwise(displayName));
        tooltipProperty().bind(Bindings.createObjectBinding(
                () -> new Tooltip(this.file.get() == null ? "Not saved yet" : this.file.get().path().toString()),
                this.file));

        BorderPane content = new BorderPane(new VirtualizedScrollPane<>(area));
        content.setBottom(findBar);
        setContent(content);
    }

    /** A tab for a file read from disk. */
    public static EditorTab forFile(TextFile file) {
        return new EditorTab(file.text(), file, null);
    }

    /** A tab for text with no file yet (a new document or a sample); saving asks where to put it. */
    public static EditorTab untitled(String name, String text) {
        return new EditorTab(text, null, name);
    }

    public CodeArea area() {
        return area;
    }

    public FindBar findBar() {
        return findBar;
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
