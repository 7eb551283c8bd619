package dev.armorbench.ui.editor;

import dev.armorbench.policy.check.Diagnostic;
import dev.armorbench.policy.check.Severity;

/** A diagnostic as the editor shows it: in this document's coordinates (0-based line, offsets). */
public record Problem(Severity severity, String code, String message, int line, int column, int start, int end) {
    static Problem of(Diagnostic diagnostic) {
        return new Problem(diagnostic.severity(), diagnostic.code(), diagnostic.message(), diagnostic.line() - 1,
                diagnostic.column() - 1, diagnostic.start(), diagnostic.end());
    }

    /** The squiggle's style class. */
    String styleClass() {
        return "diagnostic-" + severity.label();
    }
}
