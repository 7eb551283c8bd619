package dev.armorbench.ui;

import dev.armorbench.files.RecoveryStore;
import dev.armorbench.files.TextFile;
import dev.armorbench.policy.check.PolicySources;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Reopens what an earlier run of the app left unsaved when it ended without closing (a crash, a
 * kill, a power cut): a document that has a file opens on that file with the kept text as one
 * edit, so it shows as unsaved and Undo goes back to what is on disk; one without a file, or whose
 * file is gone, opens untitled. A snapshot whose file already holds exactly its text is only dropped.
 */
final class RecoveredDocuments {
    private RecoveredDocuments() {
    }

    /**
     * Opens a tab for each orphan (through {@code addTab}, which has the keeper watch it) and drops
     * the orphan once the keeper has written its text again; returns the names of the tabs opened.
     */
    static List<String> reopen(RecoveryStore store, List<RecoveryStore.Orphan> orphans,
            Function<EditorTab, EditorTab> addTab, Supplier<PolicySources> sources, UnsavedTextKeeper keeper) {
        List<String> opened = new ArrayList<>();
        for (RecoveryStore.Orphan orphan : orphans) {
            RecoveryStore.Snapshot snapshot = orphan.snapshot();
            EditorTab tab = tabFor(snapshot, sources);
            if (tab != null) {
                addTab.apply(tab);
                opened.add(tab.name());
            }
            keeper.afterQueuedWrites(() -> {
                try {
                    store.discard(orphan);
                } catch (IOException e) {
                    // Left for the next start, which offers it again: better twice than lost.
                }
            });
        }
        return opened;
    }

    /** The tab that shows the snapshot's text, or null when its file already holds exactly that text. */
    private static EditorTab tabFor(RecoveryStore.Snapshot snapshot, Supplier<PolicySources> sources) {
        if (snapshot.file() != null) {
            Path file = Path.of(snapshot.file());
            if (Files.isRegularFile(file)) {
                try {
                    TextFile onDisk = TextFile.read(file);
                    if (onDisk.text().equals(snapshot.text())) {
                        return null;
                    }
                    EditorTab tab = EditorTab.forFile(onDisk, sources);
                    tab.area().replaceText(snapshot.text());
                    tab.area().moveTo(0);
                    return tab;
                } catch (IOException e) {
                    // Unreadable now: the text opens untitled below, and Save As puts it somewhere.
                }
            }
        }
        String name = snapshot.name() == null || snapshot.name().isBlank() ? "Untitled" : snapshot.name();
        return EditorTab.untitled(name.replace(" (recovered)", "") + " (recovered)", snapshot.text(), sources)
                .markedUnsaved();
    }
}
