package dev.armorbench.policy.check;

import dev.armorbench.policy.syntax.TextEdit;
import java.util.List;

/**
 * A fix the engine knows for a diagnostic, because only the check that found the problem knows
 * where the other rules involved are written: a title saying what it does, and its edits, in the
 * diagnostic's file.
 */
public record DiagnosticFix(String title, List<TextEdit> edits) {
    public DiagnosticFix {
        edits = List.copyOf(edits);
    }
}
