package dev.armorbench.suggest;

import dev.armorbench.policy.syntax.TextEdit;
import dev.armorbench.policy.check.Diagnostic;
import dev.armorbench.policy.check.LintResult;
import dev.armorbench.policy.check.PolicyReader;
import dev.armorbench.policy.check.PolicySources;
import dev.armorbench.policy.check.Severity;
import dev.armorbench.policy.check.SourceFile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The hunks that apply a file's suggestions to its text, and the suggestions that could not be
 * placed in it (their profile is not in this file).
 */
public record EditPlan(SourceFile source, List<Hunk> hunks, List<Suggestion> unplaced) {
    public EditPlan {
        hunks = List.copyOf(hunks);
        unplaced = List.copyOf(unplaced);
    }

    /** The text with every hunk applied. */
    public String apply() {
        return apply(hunks);
    }

    /** The text with the given hunks (of this plan) applied and the others left out. */
    public String apply(List<Hunk> accepted) {
        List<TextEdit> edits = new ArrayList<>();
        for (Hunk hunk : accepted) {
            edits.add(hunk.edit());
        }
        return TextEdit.apply(source.text(), edits);
    }

    /**
     * Errors the edited text has that the original did not (by code and message), read with the
     * same include search path; empty when applying is safe.
     */
    public List<Diagnostic> newErrors(PolicySources sources) {
        LintResult before = PolicyReader.lint(source, sources);
        LintResult after = PolicyReader.lint(new SourceFile(source.path(), apply()), sources);
        Map<String, Integer> known = new HashMap<>();
        for (Diagnostic d : before.diagnostics()) {
            if (d.severity() == Severity.ERROR) {
                known.merge(d.code() + "\u0000" + d.message(), 1, Integer::sum);
            }
        }
        List<Diagnostic> added = new ArrayList<>();
        for (Diagnostic d : after.diagnostics()) {
            if (d.severity() != Severity.ERROR) {
                continue;
            }
            String key = d.code() + "\u0000" + d.message();
            int left = known.getOrDefault(key, 0);
            if (left > 0) {
                known.put(key, left - 1);
            } else {
                added.add(d);
            }
        }
        return added;
    }
}
