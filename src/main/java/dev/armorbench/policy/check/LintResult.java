package dev.armorbench.policy.check;

import dev.armorbench.policy.model.Policy;
import java.util.List;

/** What reading one policy file found: its meaning and its diagnostics (includes' ones too). */
public record LintResult(SourceFile source, Policy policy, List<Diagnostic> diagnostics) {
    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(d -> d.severity() == Severity.ERROR);
    }
}
