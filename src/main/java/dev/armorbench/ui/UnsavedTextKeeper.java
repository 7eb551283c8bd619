package dev.armorbench.ui;

import dev.armorbench.files.RecoveryStore;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import org.reactfx.Subscription;

/**
 * Keeps the text of every unsaved document in this app's {@link RecoveryStore} session: a second
 * after typing pauses, written on a thread of its own so the editor never waits for the disk; and
 * forgets it once the document is saved or closed on purpose. A write that fails is said once, in
 * the window, with its cause; typing goes on.
 */
final class UnsavedTextKeeper {
    /** How long typing pauses before the text is written: a crash loses at most this much of it. */
    static final Duration PAUSE = Duration.ofSeconds(1);

    private final RecoveryStore.Session session;
    private final Consumer<String> notify;
    private final ExecutorService writer = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "armorbench unsaved-text keeper");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<EditorTab, Watch> watched = new IdentityHashMap<>();
    private volatile boolean failureShown;

    private record Watch(String id, Subscription changes, ChangeListener<Boolean> savedAgain) {}

    /** {@code notify}: shows a message in the window (called on the FX thread). */
    UnsavedTextKeeper(RecoveryStore.Session session, Consumer<String> notify) {
        this.session = session;
        this.notify = notify;
    }

    /** Starts keeping {@code tab}'s text whenever it is unsaved; at once when it already is (a recovered document). */
    void watch(EditorTab tab) {
        String id = UUID.randomUUID().toString();
        Subscription changes = tab.area().plainTextChanges().successionEnds(PAUSE).subscribe(change -> keep(tab));
        ChangeListener<Boolean> savedAgain = (observable, wasUnsaved, unsaved) -> {
            if (!unsaved) {
                forget(id);
            }
        };
        tab.unsavedProperty().addListener(savedAgain);
        watched.put(tab, new Watch(id, changes, savedAgain));
        if (tab.isUnsaved()) {
            keep(tab);
        }
    }

    /** Stops watching a closed tab and forgets its text: it was saved, or discarded on purpose. */
    void unwatch(EditorTab tab) {
        Watch watch = watched.remove(tab);
        if (watch != null) {
            watch.changes().unsubscribe();
            tab.unsavedProperty().removeListener(watch.savedAgain());
            forget(watch.id());
        }
    }

    /** Writes {@code tab}'s text now, if it is unsaved (on the keeper's thread). */
    void keep(EditorTab tab) {
        Watch watch = watched.get(tab);
        if (watch == null) {
            return;
        }
        if (!tab.isUnsaved()) {
            forget(watch.id());
            return;
        }
        RecoveryStore.Snapshot snapshot = new RecoveryStore.Snapshot(watch.id(),
                tab.path().map(Object::toString).orElse(null), tab.name(), tab.area().getText(), System.currentTimeMillis());
        writer.execute(() -> {
            try {
                session.keep(snapshot);
            } catch (IOException | RuntimeException e) {
                failed(e);
            }
        });
    }

    /**
     * Ends the session after a normal quit, once every document was saved or discarded: its folder
     * goes, so nothing is offered back at the next start. Waits for the writes already queued.
     */
    void close() {
        for (EditorTab tab : new ArrayList<>(watched.keySet())) {
            unwatch(tab);
        }
        writer.execute(() -> {
            try {
                session.close();
            } catch (IOException e) {
                // The next start finds the folder empty and removes it.
            }
        });
        writer.shutdown();
        try {
            writer.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Runs {@code step} on the keeper's thread once the writes queued so far are done: an earlier
     * session's snapshot is dropped only after this session has written the same text.
     */
    void afterQueuedWrites(Runnable step) {
        writer.execute(step);
    }

    private void forget(String id) {
        writer.execute(() -> {
            try {
                session.forget(id);
            } catch (IOException | RuntimeException e) {
                failed(e);
            }
        });
    }

    private void failed(Exception e) {
        if (!failureShown) {
            failureShown = true;
            String message = cannotKeep(session.folder(), e);
            Platform.runLater(() -> notify.accept(message));
        }
    }

    /** What the window says when unsaved text cannot be kept in {@code where}: the cause, and what it means. */
    static String cannotKeep(Path where, Exception cause) {
        return "Unsaved changes cannot be kept for recovery in " + where + ": " + MainWindow.describe(cause)
                + " Until that is fixed, what is not saved is lost if the app ends unexpectedly.";
    }
}
