package dev.armorbench.ui.editor;

import dev.armorbench.policy.check.Diagnostic;
import dev.armorbench.policy.check.LintResult;
import dev.armorbench.policy.check.PolicyReader;
import dev.armorbench.policy.check.PolicySources;
import dev.armorbench.policy.check.RuleMemo;
import dev.armorbench.policy.check.Severity;
import dev.armorbench.policy.check.SourceFile;
import dev.armorbench.policy.model.Policy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.fxmisc.richtext.CodeArea;
import org.reactfx.Subscription;

/**
 * Live diagnostics: when typing stops for {@link #DEBOUNCE}, the policy engine checks the text on the
 * editor's background thread (includes resolved through the same cached sources each time, and each
 * rule's reading kept in a {@link RuleMemo} from one check to the next, so a re-check reads again only
 * the rules an edit changed) and the problems come back as squiggles, gutter markers and the Problems list.
 */
public final class ProblemTracking implements EditorComponent {
    /** How long typing must pause before the problems shown are brought up to date. */
    public static final Duration DEBOUNCE = Duration.ofMillis(300);
    /**
     * How long typing must pause before the check starts, in the background. It starts before the
     * debounce ends so that its result is usually ready when the debounce ends; it is shown only then,
     * and only if the text is still the text it checked.
     */
    public static final Duration EARLY_START = Duration.ofMillis(100);

    private final ObservableList<Problem> problems = FXCollections.observableArrayList();
    private final Supplier<Path> documentPath;
    private final Supplier<PolicySources> sources;
    private final BooleanSupplier crlfOnDisk;
    private CodeArea area;
    private ProfileEditor editor;
    private Subscription subscription;
    private int checkedVersion = -1;
    private Policy policy;
    /** When the last published check was started (its debounce ended) and how long it took, in ns. */
    private volatile long lastCheckNanos;
    private Runnable onChecked = () -> { };
    /** Thread CPU time of the last published check, in ns. */
    private volatile long lastCheckCpuNanos;
    /** The text version a check is running for, and the one whose result waits to be shown (FX thread). */
    private int runningVersion = -1;
    private Checked ready;
    /** The version whose debounce has ended (or that {@link #check()} asked for), and since when, in ns. */
    private int dueVersion = -1;
    private long dueSince;
    /** Raised by {@link #check()}: results of checks started before it may use old include files. */
    private int generation;
    /** The last check's reading of each rule: a re-check after an edit reads only what changed. Background thread only. */
    private final RuleMemo ruleMemo = new RuleMemo();

    /**
     * @param documentPath where the document lives (relative includes resolve against its directory)
     * @param sources the include search path and the cache of parsed includes
     */
    private final List<FurtherCheck> furtherChecks = new java.util.concurrent.CopyOnWriteArrayList<>();

    public ProblemTracking(Supplier<Path> documentPath, Supplier<PolicySources> sources) {
        this(documentPath, sources, () -> false);
    }

    /**
     * @param crlfOnDisk whether the document is saved with CRLF line ends (the editor's text has LF
     *     ones): apparmor_parser reads the {@code \r} too, and a few rules end differently for it
     */
    public ProblemTracking(Supplier<Path> documentPath, Supplier<PolicySources> sources, BooleanSupplier crlfOnDisk) {
        this.documentPath = documentPath;
        this.sources = sources;
        this.crlfOnDisk = crlfOnDisk;
    }

    @Override
    public void install(ProfileEditor editor) {
        this.editor = editor;
        this.area = editor.area();
        subscription = area.plainTextChanges().subscribe(change -> edits++)
                .and(area.plainTextChanges().successionEnds(EARLY_START).subscribe(change -> startCheck()))
                .and(area.plainTextChanges().successionEnds(DEBOUNCE).subscribe(change -> due()));
        check();
    }

    @Override
    public void uninstall(ProfileEditor editor) {
        subscription.unsubscribe();
        problems.clear();
    }

    public ObservableList<Problem> problems() {
        return problems;
    }

    /** The text version the problems belong to. */
    public int checkedVersion() {
        return checkedVersion;
    }

    /** Whether the problems shown belong to the text as it is now (no edit since the last check). */
    public boolean isCurrent() {
        return checkedVersion == currentVersion();
    }

    /** What the last check read the document to mean (profiles, variables), or null before the first. */
    public Policy policy() {
        return policy;
    }

    /**
     * From the end of the debounce (or a call of {@link #check()}) to the last published problems being
     * shown, in ns; zero or near it when the check that started early was done by then.
     */
    public long lastCheckNanos() {
        return lastCheckNanos;
    }

    /** The problems whose range holds the offset (a caret right after a problem's text counts too). */
    public List<Problem> problemsAt(int offset) {
        return problems.stream().filter(p -> p.start() <= offset && offset <= Math.max(p.end(), p.start() + 1))
                .toList();
    }

    /**
     * A check that runs after the language checks on the same result (the container checks, for
     * example); it runs on the editor's background thread.
     */
    @FunctionalInterface
    public interface FurtherCheck {
        List<Diagnostic> check(LintResult lint);
    }

    /** Adds a check whose diagnostics show with the language's own. */
    public ProblemTracking withFurtherCheck(FurtherCheck check) {
        furtherChecks.add(check);
        return this;
    }

    /** Called on the FX thread after each check (tests and the benchmark wait on it). */
    public void setOnChecked(Runnable onChecked) {
        this.onChecked = onChecked;
    }

    /** Thread CPU time that the last published check took on the background thread, in ns. */
    public long lastCheckCpuNanos() {
        return lastCheckCpuNanos;
    }

    /** Checks the current text now, afresh (the include search path may have changed), and shows the result. */
    public void check() {
        generation++;
        ready = null;
        runningVersion = -1;
        dueVersion = currentVersion();
        dueSince = System.nanoTime();
        startCheck();
    }

    /** The debounce ended: show the result for this text, now if it is ready, else when it is. */
    private void due() {
        int version = currentVersion();
        dueVersion = version;
        dueSince = System.nanoTime();
        if (ready != null && ready.version() == version) {
            publish(ready);
        } else if (runningVersion != version) {
            startCheck();
        }
    }

    /** A check's result, waiting on the FX thread until its text's debounce ends. */
    private record Checked(List<Problem> problems, Policy policy, int version, int generation, long cpuNanos) {
    }

    /** Starts checking the current text on the background thread, unless that is done or under way. */
    private void startCheck() {
        int version = currentVersion();
        if (runningVersion == version || ready != null && ready.version() == version) {
            return;
        }
        runningVersion = version;
        String text = area.getText();
        int checkGeneration = generation;
        int editsAtStart = edits;
        Path path = documentPath.get();
        PolicySources policySources = sources.get();
        boolean crlf = crlfOnDisk.getAsBoolean();
        editor.background().execute(() -> {
            if (edits != editsAtStart) {
                // Typing went on while this waited; a later pause checks the newer text.
                Platform.runLater(() -> {
                    if (runningVersion == version && generation == checkGeneration) {
                        runningVersion = -1;
                    }
                });
                return;
            }
            long cpuStart = CPU.getCurrentThreadCpuTime();
            policySources.refreshIfChanged(); // an include edited since the last check is read again
            LintResult result = PolicyReader.lint(new SourceFile(path, text, crlf), policySources, ruleMemo);
            List<Diagnostic> diagnostics = new ArrayList<>(result.diagnostics());
            for (FurtherCheck further : furtherChecks) {
                diagnostics.addAll(further.check(result));
            }
            List<Problem> found = new ArrayList<>();
            for (Diagnostic diagnostic : diagnostics) {
                if (diagnostic.source() == result.source()) {
                    found.add(Problem.of(diagnostic));
                }
            }
            found.sort(Comparator.comparingInt(Problem::start).thenComparing(Problem::severity));
            Checked checked = new Checked(found, result.policy(), version, checkGeneration,
                    CPU.getCurrentThreadCpuTime() - cpuStart);
            Platform.runLater(() -> finished(checked));
        });
    }

    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

    /** Edits so far, counted on the FX thread; a check that waited while the text changed is skipped. */
    private volatile int edits;

    private void finished(Checked checked) {
        if (runningVersion == checked.version() && checked.generation() == generation) {
            runningVersion = -1;
        }
        if (checked.generation() != generation || checked.version() != currentVersion()) {
            return; // old include files, or typing went on; the next pause checks again
        }
        ready = checked;
        if (dueVersion == checked.version()) {
            publish(checked);
        }
    }

    private void publish(Checked checked) {
        checkedVersion = checked.version();
        policy = checked.policy();
        lastCheckNanos = System.nanoTime() - dueSince;
        lastCheckCpuNanos = checked.cpuNanos();
        List<Problem> found = checked.problems();
        problems.setAll(found);
        editor.component(SyntaxHighlighting.class).ifPresent(highlighting -> highlighting.setOverlays(
                found.stream().map(p -> new StyledRange(p.start(), Math.max(p.end(), p.start() + 1), p.styleClass()))
                        .toList(), checked.version()));
        onChecked.run();
    }

    private int currentVersion() {
        return editor.component(SyntaxHighlighting.class).map(SyntaxHighlighting::version)
                .orElse(area.getText().hashCode());
    }

    /** The most severe problem on a line, if any. */
    public Severity severityOnLine(int line) {
        Severity worst = null;
        for (Problem problem : problems) {
            if (problem.line() == line && (worst == null || problem.severity().compareTo(worst) < 0)) {
                worst = problem.severity();
            }
        }
        return worst;
    }

    public List<Problem> problemsOnLine(int line) {
        return problems.stream().filter(problem -> problem.line() == line).toList();
    }
}
