package dev.armorbench.container;

import dev.armorbench.policy.check.Diagnostic;
import java.util.Optional;

/**
 * A container finding: a policy {@link Diagnostic} (severity, stable code, message that names the fix,
 * exact range in the open text) and, where one exists, the quick fix that applies it.
 */
public record ContainerDiagnostic(ContainerCheck check, Diagnostic diagnostic, QuickFix fix) {
    public String code() {
        return check.code();
    }

    public String message() {
        return diagnostic.message();
    }

    public TextRange range() {
        return new TextRange(diagnostic.start(), diagnostic.end());
    }

    public Optional<QuickFix> quickFix() {
        return Optional.ofNullable(fix);
    }
}
