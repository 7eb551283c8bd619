package dev.armorbench.container;

import dev.armorbench.policy.check.Diagnostic;
import dev.armorbench.policy.check.LintResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Everything the container view of a policy gives, from one call: the joined policy, the ways into
 * the container, the container diagnostics with their quick fixes, and the tree of transitions.
 * Pure computation on the linted text: safe to run off the FX thread.
 *
 * @param startProblem why the image's start command could not be worked out, or null
 */
public record ContainerAnalysis(ContainerPolicy policy, List<Entry> entries, List<ContainerDiagnostic> diagnostics,
        TransitionTree tree, String startProblem) {

    /**
     * @param image the image's configuration, or null when none is known (no entry point analysis)
     */
    public static ContainerAnalysis analyze(LintResult lint, ProfileCatalog catalog, ImageConfig image) {
        ContainerPolicy policy = ContainerPolicy.of(lint, catalog);
        List<Entry> start = List.of();
        String problem = null;
        if (image != null) {
            try {
                start = EntryAnalysis.start(policy, image.startCommand());
            } catch (ImageConfigException e) {
                problem = e.getMessage();
            }
            if (problem == null && image.note() != null) {
                problem = image.note();
            }
        }
        List<Entry> entries = new ArrayList<>(start);
        entries.addAll(EntryAnalysis.dockerExec(policy));
        List<ContainerDiagnostic> diagnostics = ContainerChecks.run(policy, start);
        TransitionTree tree = TransitionTree.build(policy, entries, diagnostics);
        return new ContainerAnalysis(policy, List.copyOf(entries), diagnostics, tree, problem);
    }

    /**
     * The quick fix of one of this analysis's diagnostics (matched by code and range), for an editor
     * that keeps the plain {@link Diagnostic}s and looks fixes up by code.
     */
    public Optional<QuickFix> quickFixFor(Diagnostic diagnostic) {
        for (ContainerDiagnostic candidate : diagnostics) {
            Diagnostic d = candidate.diagnostic();
            if (d == diagnostic || d.code().equals(diagnostic.code()) && d.start() == diagnostic.start()
                    && d.end() == diagnostic.end() && d.message().equals(diagnostic.message())) {
                return candidate.quickFix();
            }
        }
        return Optional.empty();
    }

    /** The plain diagnostics, to show next to the lint ones. */
    public List<Diagnostic> plainDiagnostics() {
        return diagnostics.stream().map(ContainerDiagnostic::diagnostic).toList();
    }
}
