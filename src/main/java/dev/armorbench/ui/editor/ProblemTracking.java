package dev.armorbench.ui.editor;

import dev.armorbench.policy.check.Diagnostic;
import dev.armorbench.policy.check.LintResult;
import dev.armorbench.policy.check.PolicyReader;
import dev.armorbench.policy.check.PolicySources;
import dev.armorbench.policy.check.Severity;
import dev.armorbench.policy.check.SourceFile;
import dev.armorbench.policy.model.Policy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.fxmisc.richtext.CodeArea;
import org.reactfx.Subscription;

/**
 * Live diagnostics: when typing stops for {@link #DEBOUNCE}, the policy engine checks the text on the
 * editor's background thread (includes resolved through the same cached sources each time) and the
 * problems come back as squiggles, gutter markers and the Problems list.
 */
public final class ProblemTracking implements EditorComponent {
    /** How long typing must pause before the text is checked. */
    public static final Duration DEBOUNCE = Duration.ofMillis(300);

    private final ObservableList<Problem> problems = FXCollections.observableArrayList();
    private final Supplier<Path> documentPath;
    private final Supplier<PolicySources> sources;
    private CodeArea area;
    private ProfileEditor editor;
    private Subscription subscription;
    private int checkedVersion = -1;
    private Policy policy;
    /** When the last published check was started (its debounce ended) and how long it took, in ns. */
    private volatile long lastCheckNanos;
    private Runnable onChecked = () -> { };

    /**
     * @param documentPath where the document lives (relative includes resolve against its directory)
     * @param sources the include search path and the cache of parsed includes
     */
    private final List<FurtherCheck> furtherChecks = new java.util.concurrent.CopyOnWriteArrayList<>();

    public ProblemTracking(Supplier<Path> documentPath, Supplier<PolicySources> sources) {
        this.documentPath = documentPath;
        this.sources = sources;
    }

    @Override
    public void install(ProfileEditor editor) {
        this.editor = editor;
        this.area = editor.area();
        subscription = area.plainTextChanges()
                .successionEnds(DEBOUNCE)
                .subscribe(change -> check());
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

    /** What the last check read the document to mean (profiles, variables), or null before the first. */
    public Policy policy() {
        return policy;
    }

    /** From the start of the last published check (typing had paused) to its problems being shown, in ns. */
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

    /** Checks the current text now. */
    public void check() {
        long started = System.nanoTime();
        String text = area.getText();
        int version = currentVersion();
        Path path = documentPath.get();
        PolicySources policySources = sources.get();
        editor.background().execute(() -> {
            LintResult result = PolicyReader.lint(new SourceFile(path, text), policySources);
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
            Policy read = result.policy();
            Platform.runLater(() -> publish(found, read, version, started));
        });
    }

    private void publish(List<Problem> found, Policy read, int version, long started) {
        if (version != currentVersion()) {
            return; // Typing went on; the next pause checks again.
        }
        checkedVersion = version;
        policy = read;
        lastCheckNanos = System.nanoTime() - started;
        problems.setAll(found);
        editor.component(SyntaxHighlighting.class).ifPresent(highlighting -> highlighting.setOverlays(
                found.stream().map(p -> new StyledRange(p.start(), Math.max(p.end(), p.start() + 1), p.styleClass()))
                        .toList(), version));
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
