package dev.armorbench.bench;

import atlantafx.base.theme.PrimerLight;
import dev.armorbench.policy.check.PolicySources;
import dev.armorbench.ui.editor.BracketMatching;
import dev.armorbench.ui.editor.Completion;
import dev.armorbench.ui.editor.Documentation;
import dev.armorbench.ui.editor.Folding;
import dev.armorbench.ui.editor.HoverDocumentation;
import dev.armorbench.ui.editor.LineEditing;
import dev.armorbench.ui.editor.LineGutter;
import dev.armorbench.ui.editor.ProblemTracking;
import dev.armorbench.ui.editor.ProfileEditor;
import dev.armorbench.ui.editor.QuickFixRegistry;
import dev.armorbench.ui.editor.QuickFixes;
import dev.armorbench.ui.editor.SearchBar;
import dev.armorbench.ui.editor.SyntaxHighlighting;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The editor with a generated 10,000-line profile, headless (Monocle, software rendering), every
 * component installed as in the application. Prints: time to the first styled frame; per keystroke at
 * random places the FX-thread time of the restyle and of the edit itself; the time until diagnostics
 * are current once the debounce has ended; heap used. Run by {@code docs/editor-benchmark.sh}.
 */
public final class EditorBenchmark {
    private static final int LINES = 10_000;
    private static final int STYLE_KEYSTROKES = Integer.getInteger("keystrokes", 600);
    private static final int LINT_KEYSTROKES = Integer.getInteger("lintKeystrokes", 60);

    private EditorBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String text = profile(LINES);
        Path includes = Files.createTempDirectory("armorbench-editor-bench");
        Files.createDirectories(includes.resolve("tunables"));
        Files.writeString(includes.resolve("tunables/global"), "@{HOME}=/home/*/ /root/\n@{PROC}=/proc/\n");
        PolicySources sources = new PolicySources(List.of(includes), includes);

        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get(30, TimeUnit.SECONDS);
        long heapBefore = usedHeapAfterGc();

        // Open the document; the first styled frame is the first pulse after the styles were applied.
        CompletableFuture<Long> firstStyledFrame = new CompletableFuture<>();
        AtomicReference<Runnable> afterApply = new AtomicReference<>(() -> { });
        long openStart = System.nanoTime();
        ProfileEditor editor = onFx(() -> {
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            ProfileEditor created = new ProfileEditor(text);
            SyntaxHighlighting highlighting = created.install(new SyntaxHighlighting());
            created.install(new ProblemTracking(() -> includes.resolve("big.profile"), () -> sources));
            created.install(new Folding());
            created.install(new BracketMatching());
            created.install(new LineEditing());
            created.install(new SearchBar());
            created.install(new Completion(() -> sources));
            created.install(new HoverDocumentation(Documentation.bundled()));
            created.install(new QuickFixes(QuickFixRegistry.standard()));
            created.install(new LineGutter());
            Stage stage = new Stage();
            Scene scene = new Scene(created, 1200, 800);
            scene.getStylesheets().add(EditorBenchmark.class.getResource("/dev/armorbench/ui/armorbench.css")
                    .toExternalForm());
            highlighting.setOnApplied(() -> afterApply.get().run());
            afterApply.set(() -> {
                afterApply.set(() -> { });
                Runnable[] frame = new Runnable[1];
                frame[0] = () -> {
                    scene.removePostLayoutPulseListener(frame[0]);
                    firstStyledFrame.complete(System.nanoTime());
                };
                scene.addPostLayoutPulseListener(frame[0]);
                Platform.requestNextPulse();
            });
            stage.setScene(scene);
            stage.show();
            return created;
        });
        long firstFrame = firstStyledFrame.get(60, TimeUnit.SECONDS) - openStart;
        SyntaxHighlighting highlighting = editor.component(SyntaxHighlighting.class).orElseThrow();
        ProblemTracking problems = editor.component(ProblemTracking.class).orElseThrow();
        waitFor(() -> problems.checkedVersion() == highlighting.version(), 60);
        long firstCheck = problems.lastCheckNanos();
        System.out.printf("document: %,d lines, %,d characters%n", LINES, text.length());
        System.out.printf("open → first styled frame: %.0f ms; first full check: %.0f ms%n", firstFrame / 1e6,
                firstCheck / 1e6);

        // Keystrokes at random places: a character typed, then deleted again (so the text keeps its shape).
        Random random = new Random(42);
        long[] restyle = new long[STYLE_KEYSTROKES];
        long[] restyleCpu = new long[STYLE_KEYSTROKES];
        long[] edit = new long[STYLE_KEYSTROKES];
        long[] editCpu = new long[STYLE_KEYSTROKES];
        var cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int i = 0; i < STYLE_KEYSTROKES; i++) {
            CompletableFuture<Void> applied = new CompletableFuture<>();
            long[] before = onFx(highlighting::totalApplyNanos);
            int index = i;
            int[] where = i % 2 == 0 ? randomPlace(editor, random) : null;
            afterApply.set(() -> applied.complete(null));
            onFx(() -> {
                long began = System.nanoTime();
                long beganCpu = cpu.getCurrentThreadCpuTime();
                if (where != null) {
                    editor.area().insertText(where[0], where[1], "x");
                    lastInsert[0] = editor.area().getAbsolutePosition(where[0], where[1]);
                } else {
                    editor.area().deleteText(lastInsert[0], lastInsert[0] + 1);
                }
                edit[index] = System.nanoTime() - began;
                editCpu[index] = cpu.getCurrentThreadCpuTime() - beganCpu;
                return null;
            });
            applied.get(10, TimeUnit.SECONDS);
            long[] after = onFx(highlighting::totalApplyNanos);
            restyle[i] = after[0] - before[0];
            restyleCpu[i] = after[1] - before[1];
        }
        afterApply.set(() -> { });

        long[] lint = new long[LINT_KEYSTROKES];
        long[] lintCpu = new long[LINT_KEYSTROKES];
        long[] typedToShown = new long[LINT_KEYSTROKES];
        long[] shownAt = new long[1];
        onFx(() -> {
            problems.setOnChecked(() -> shownAt[0] = System.nanoTime());
            return null;
        });
        for (int i = 0; i < LINT_KEYSTROKES; i++) {
            int[] where = i % 2 == 0 ? randomPlace(editor, random) : null;
            long typed = onFx(() -> {
                long at = System.nanoTime();
                if (where != null) {
                    editor.area().insertText(where[0], where[1], " ");
                    lastInsert[0] = editor.area().getAbsolutePosition(where[0], where[1]);
                } else {
                    editor.area().deleteText(lastInsert[0], lastInsert[0] + 1);
                }
                return at;
            });
            int version = onFx(highlighting::version);
            waitFor(() -> problems.checkedVersion() >= version, 30);
            lint[i] = onFx(problems::lastCheckNanos);
            lintCpu[i] = onFx(problems::lastCheckCpuNanos);
            typedToShown[i] = onFx(() -> shownAt[0]) - typed;
        }

        long heap = usedHeapAfterGc();
        System.out.printf("machine load average while measuring: %.1f on %d cores%n",
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
        print("FX-thread restyle per keystroke, wall clock", restyle);
        print("FX-thread restyle per keystroke, thread CPU time", restyleCpu);
        print("FX-thread edit per keystroke (text change and every listener), wall clock", edit);
        print("FX-thread edit per keystroke, thread CPU time", editCpu);
        print("diagnostics current after the debounce", lint);
        print("diagnostics check, background-thread CPU time", lintCpu);
        print("keystroke → diagnostics shown (debounce " + ProblemTracking.DEBOUNCE.toMillis() + " ms included)", typedToShown);
        System.out.printf("heap used with the editor open: %.1f MB (%.1f MB before opening)%n", heap / 1e6,
                heapBefore / 1e6);
        System.out.printf("goals: restyle p95 ≤ 8 ms, p99 ≤ 16 ms; diagnostics p95 ≤ 150 ms%n");
        Platform.exit();
        System.exit(0);
    }

    private static final int[] lastInsert = new int[1];

    private static int[] randomPlace(ProfileEditor editor, Random random) throws Exception {
        return onFx(() -> {
            int line = random.nextInt(editor.area().getParagraphs().size());
            int column = random.nextInt(editor.area().getParagraphLength(line) + 1);
            return new int[] {line, column};
        });
    }

    /** A profile in the shape real ones have: preamble, a main profile, child profiles, every rule kind. */
    static String profile(int lines) {
        String[] rules = {
            "  /usr/lib/app/module-%d.so mr,",
            "  owner @{HOME}/.config/app-%d/** rw,",
            "  /srv/data/%d/ r,",
            "  deny /etc/shadow-%d rw,",
            "  capability net_bind_service,",
            "  network inet stream,",
            "  # a comment about rule %d",
            "  /usr/bin/tool-%d Px -> tool,",
            "  signal send set=(term, kill) peer=child-%d,",
            "  audit /var/log/app/%d.log w,",
            "  ptrace read peer=unconfined,",
            "  unix (send, receive) type=stream peer=(label=child-%d),",
        };
        StringBuilder out = new StringBuilder();
        out.append("abi <abi/3.0>,\ninclude <tunables/global>\n@{APP}=/srv/app\n");
        out.append("profile big /usr/bin/big flags=(attach_disconnected) {\n");
        int written = 4;
        int rule = 0;
        int child = 0;
        while (written < lines - 1) {
            if (rule % 400 == 399 && written < lines - 6) {
                out.append("  profile child-").append(child++).append(" {\n    /bin/sh ix,\n    capability kill,\n  }\n");
                written += 4;
            } else {
                out.append(String.format(rules[rule % rules.length], rule)).append('\n');
                written++;
            }
            rule++;
        }
        out.append("}\n");
        return out.toString();
    }

    private static void print(String what, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf("%s (%d keystrokes): median %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms%n", what,
                sorted.length, percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99),
                sorted[sorted.length - 1] / 1e6);
    }

    private static double percentile(long[] sorted, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))] / 1e6;
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static void waitFor(java.util.function.BooleanSupplier condition, int seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!onFx(condition::getAsBoolean)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out waiting for the editor");
            }
            Thread.sleep(2);
        }
    }

    private static <T> T onFx(Callable<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Throwable failure) {
                result.completeExceptionally(failure);
            }
        });
        return result.get(60, TimeUnit.SECONDS);
    }
}
