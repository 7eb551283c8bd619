package dev.armorbench.policy.check;

import java.util.List;

/**
 * A finding with an exact range in a source file (which may be an included file).
 *
 * @param code a stable identifier, e.g. {@code unknown-capability}
 * @param message what is wrong and how to fix it
 * @param fixes the fixes the check that found it can make (most have none: the editor's quick
 *     fixes read what they need from the text)
 */
public record Diagnostic(Severity severity, String code, String message, SourceFile source, int start, int end,
        List<DiagnosticFix> fixes) {
    public Diagnostic {
        fixes = List.copyOf(fixes);
    }

    public Diagnostic(Severity severity, String code, String message, SourceFile source, int start, int end) {
        this(severity, code, message, source, start, end, List.of());
    }

    public int line() {
        return source.line(start);
    }

    public int column() {
        return source.column(start);
    }

    public int endLine() {
        return source.line(end);
    }

    public int endColumn() {
        return source.column(end);
    }
}
