package dev.armorbench.ui;

import dev.armorbench.container.ContainerAnalysis;
import dev.armorbench.container.ContainerCheck;
import dev.armorbench.container.ContainerDiagnostic;
import dev.armorbench.container.ProfileCatalog;
import dev.armorbench.policy.check.Diagnostic;
import dev.armorbench.policy.check.LintResult;
import dev.armorbench.ui.editor.FixProposal;
import dev.armorbench.ui.editor.Problem;
import dev.armorbench.ui.editor.ProblemTracking;
import dev.armorbench.ui.editor.QuickFixRegistry;
import dev.armorbench.policy.syntax.TextEdit;
import java.util.List;

/**
 * Brings the container checks into the editor: their diagnostics show with the language's own
 * (squiggles, gutter, Problems list), and their quick fixes go through the editor's quick-fix
 * mechanism. Each check's fix comes from the analysis of the text the problem was found in.
 */
final class ContainerProblems implements ProblemTracking.FurtherCheck {
    private volatile ContainerAnalysis latest;

    @Override
    public List<Diagnostic> check(LintResult lint) {
        ContainerAnalysis analysis = ContainerAnalysis.analyze(lint, ProfileCatalog.NONE, null);
        latest = analysis;
        return analysis.plainDiagnostics();
    }

    /** Registers the fixes of every container check with the editor's registry. */
    QuickFixRegistry registerFixes(QuickFixRegistry registry) {
        for (ContainerCheck check : ContainerCheck.values()) {
            registry.register(check.code(), this::propose);
        }
        return registry;
    }

    private List<FixProposal> propose(Problem problem, String text) {
        ContainerAnalysis analysis = latest;
        if (analysis == null) {
            return List.of();
        }
        for (ContainerDiagnostic diagnostic : analysis.diagnostics()) {
            Diagnostic plain = diagnostic.diagnostic();
            if (plain.code().equals(problem.code()) && plain.start() == problem.start() && plain.end() == problem.end()) {
                return diagnostic.quickFix().map(fix -> List.of(new FixProposal(fix.title(), fix.edits())))
                        .orElse(List.of());
            }
        }
        return List.of();
    }
}
