package dev.armorbench.ui.editor;

import dev.armorbench.policy.check.Diagnostic;
import dev.armorbench.policy.check.Severity;
import java.util.List;

/**
 * A diagnostic as the editor shows it: in this document's coordinates (0-based line, offsets).
 *
 * @param engineFixes the fixes the check that found it made (see {@link Diagnostic#fixes()}), in
 *     the same coordinates
 */
public record Problem(Severity severity, String code, String message, int line, int column, int start, int end,
        List<FixProposal> engineFixes) {
    public Problem {
        engineFixes = List.copyOf(engineFixes);
    }

    public Problem(Severity severity, String code, String message, int line, int column, int start, int end) {
        this(severity, code, message, line, column, start, end, List.of());
    }

    static Problem of(Diagnostic diagnostic) {
        return new Problem(diagnostic.severity(), diagnostic.code(), diagnostic.message(), diagnostic.line() - 1,
                diagnostic.column() - 1, diagnostic.start(), diagnostic.end(),
                diagnostic.fixes().stream().map(fix -> new FixProposal(fix.title(), fix.edits())).toList());
    }

    Problem withoutEngineFixes() {
        return engineFixes.isEmpty() ? this : new Problem(severity, code, message, line, column, start, end);
    }

    /** The squiggle's style class. */
    String styleClass() {
        return "diagnostic-" + severity.label();
    }
}
