package dev.armorbench.ui.editor;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import org.fxmisc.richtext.CodeArea;
import org.reactfx.Subscription;

/**
 * Highlighting from the policy lexer. Every edit goes, in order, to one background thread that keeps
 * its own copy of the document ({@link HighlightModel}) and re-lexes only what changed; the styles of
 * the changed lines come back to the FX thread and are applied there if the text has not moved on in
 * the meantime (if it has, the newer edit's result carries those lines too). Typing never waits for
 * the lexer.
 */
public final class SyntaxHighlighting implements EditorComponent {
    private final HighlightModel model = new HighlightModel();
    /** Edits made on the FX thread; the version a style result must match to be applied. */
    private final AtomicInteger version = new AtomicInteger();
    private final AtomicInteger pending = new AtomicInteger();
    private ExecutorService thread;
    private CodeArea area;
    private Subscription subscription;
    private Runnable onApplied = () -> { };
    private long lastApplyNanos;
    private long lastApplyCpuNanos;
    private long applyNanos;
    private long applyCpuNanos;
    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

    @Override
    public void install(ProfileEditor editor) {
        this.area = editor.area();
        this.thread = editor.background();
        String text = area.getText();
        int startVersion = version.incrementAndGet();
        submit(() -> model.reset(text), startVersion);
        subscription = area.plainTextChanges().subscribe(change -> {
            int changeVersion = version.incrementAndGet();
            int position = change.getPosition();
            String removed = change.getRemoved();
            String inserted = change.getInserted();
            submit(() -> model.edit(position, removed, inserted), changeVersion);
        });
    }

    @Override
    public void uninstall(ProfileEditor editor) {
        subscription.unsubscribe();
        area.clearStyle(0, area.getLength());
    }

    /** Lays style classes over ranges of the text (diagnostics), on top of the syntax styles. */
    public void setOverlays(List<StyledRange> overlays, int forVersion) {
        submit(() -> model.overlays(overlays), forVersion);
    }

    /** The current text version: increases with every edit. */
    public int version() {
        return version.get();
    }

    /** Called on the FX thread after styles were applied (tests and the benchmark wait on it). */
    public void setOnApplied(Runnable onApplied) {
        this.onApplied = onApplied;
    }

    /**
     * Where a line begins (lexer state, block depth), as the highlighting thread sees it once every edit
     * made so far is applied; completed on that thread.
     */
    public java.util.concurrent.CompletableFuture<LineStart> lineStart(int line) {
        var result = new java.util.concurrent.CompletableFuture<LineStart>();
        thread.execute(() -> result.complete(model.lineStartOf(line)));
        return result;
    }

    /** FX-thread time of the last restyle (laying the new styles on the text), in ns; for the benchmark. */
    public long lastApplyNanos() {
        return lastApplyNanos;
    }

    /** FX-thread time of every restyle so far (wall clock and thread CPU time), in ns; for the benchmark. */
    public long[] totalApplyNanos() {
        return new long[] {applyNanos, applyCpuNanos};
    }

    /** CPU time of the FX thread in the last restyle, in ns: the same figure without waiting for a busy CPU. */
    public long lastApplyCpuNanos() {
        return lastApplyCpuNanos;
    }

    /** Lines re-lexed so far (read on the highlighting thread's behalf; for measurements). */
    public long relexedLines() {
        return model.relexedLines();
    }

    private void submit(Runnable update, int forVersion) {
        pending.incrementAndGet();
        thread.execute(() -> {
            update.run();
            if (pending.decrementAndGet() == 0 && model.hasDirtyLines()) {
                List<HighlightModel.DirtyRun> runs = model.dirtyRuns();
                // One FX-thread turn per piece: a whole file's styles never hold the screen up at once.
                for (HighlightModel.DirtyRun run : runs) {
                    Platform.runLater(() -> apply(List.of(run), forVersion));
                }
            }
        });
    }

    private void apply(List<HighlightModel.DirtyRun> runs, int forVersion) {
        if (forVersion != version.get()) {
            return; // The text moved on; the newer edit's result restyles these lines too.
        }
        long began = System.nanoTime();
        long beganCpu = CPU.getCurrentThreadCpuTime();
        for (HighlightModel.DirtyRun run : runs) {
            if (run.fromLine() >= area.getParagraphs().size()) {
                continue;
            }
            int start = area.getAbsolutePosition(run.fromLine(), 0);
            if (start + run.spans().length() <= area.getLength()) {
                area.setStyleSpans(start, run.spans());
            }
        }
        lastApplyNanos = System.nanoTime() - began;
        lastApplyCpuNanos = CPU.getCurrentThreadCpuTime() - beganCpu;
        applyNanos += lastApplyNanos;
        applyCpuNanos += lastApplyCpuNanos;
        thread.execute(() -> {
            if (version.get() == forVersion) {
                model.clearDirty();
            }
        });
        onApplied.run();
    }
}
