package dev.armorbench.policy.check;

import dev.armorbench.policy.model.Qualifiers;
import dev.armorbench.policy.model.Rule;
import dev.armorbench.policy.syntax.SyntaxToken;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What reading each rule of one document gave, kept from one check of the document to the next
 * (the editor checks the whole text after every pause in typing; an edit changes a rule or two).
 *
 * <p>Reading a rule depends only on its tokens (kinds, text, and where each stands relative to
 * the others), the qualifiers of its block, and the variables it looks up. So a rule whose text
 * and token layout are the same as last time, under the same qualifiers, and whose every recorded
 * variable lookup still gives the same answer, reads to the same rule with the same diagnostics,
 * shifted to where the rule stands now. Anything else is read afresh. Checks that compare rules
 * with each other (exec mode conflicts, duplicate profiles) are not kept here: they run every time.
 *
 * <p>Entries that the last check did not use are dropped, so the memo holds one document's rules.
 * Not thread-safe: one per document, used by the one thread that checks it.
 */
public final class RuleMemo {
    /** A rule's input apart from the variables: its text and its tokens' kinds and relative places. */
    private record Key(String text, int[] layout, Qualifiers qualifiers) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key other && text.equals(other.text) && Arrays.equals(layout, other.layout)
                    && qualifiers.equals(other.qualifiers);
        }

        @Override
        public int hashCode() {
            return 31 * (31 * text.hashCode() + Arrays.hashCode(layout)) + qualifiers.hashCode();
        }
    }

    /** A diagnostic relative to the start of the rule's first token. */
    private record Finding(Severity severity, String code, String message, int start, int end) {
    }

    /** What reading gave: the rule (or null), its findings, and the variable lookups it made with their answers. */
    private static final class Reading {
        final Rule rule;
        final List<Finding> findings;
        final String[] lookups;
        final Object[] answers;
        /** The last check that used it. */
        long check;

        Reading(Rule rule, List<Finding> findings, String[] lookups, Object[] answers, long check) {
            this.rule = rule;
            this.findings = findings;
            this.lookups = lookups;
            this.answers = answers;
            this.check = check;
        }

        boolean stillHolds(Variables variables) {
            for (int i = 0; i < lookups.length; i++) {
                if (!answers[i].equals(variables.lookUp(lookups[i]))) {
                    return false;
                }
            }
            return true;
        }
    }

    /** How a rule is read when the memo has nothing for it. */
    @FunctionalInterface
    interface RuleRead {
        Rule read(Reporter reporter);
    }

    private final Map<Key, List<Reading>> readings = new HashMap<>();
    private long check;
    private long reused;
    private long read;

    /**
     * The rule that {@code tokens} read to, reporting its diagnostics to {@code reporter}: from the
     * last check when nothing it depends on changed, else by {@code fresh}.
     */
    Rule rule(String text, List<SyntaxToken> tokens, Qualifiers qualifiers, Variables variables, Reporter reporter,
            RuleRead fresh) {
        if (variables.dependencies != null) {
            // Lookups are being recorded for an include's cache; reading afresh records them there.
            read++;
            return fresh.read(reporter);
        }
        int origin = tokens.get(0).start();
        Key key = key(text, tokens, origin, qualifiers);
        List<Reading> candidates = readings.get(key);
        if (candidates != null) {
            for (Reading reading : candidates) {
                if (reading.stillHolds(variables)) {
                    reused++;
                    reading.check = check;
                    for (Finding finding : reading.findings) {
                        reporter.report(finding.severity(), finding.code(), finding.message(), origin + finding.start(),
                                origin + finding.end());
                    }
                    return reading.rule;
                }
            }
        }
        read++;
        List<Finding> findings = new ArrayList<>(0);
        Reporter recording = (severity, code, message, start, end) -> {
            findings.add(new Finding(severity, code, message, start - origin, end - origin));
            reporter.report(severity, code, message, start, end);
        };
        variables.dependencies = new HashMap<>();
        Rule rule;
        Map<String, Object> lookups;
        try {
            rule = fresh.read(recording);
        } finally {
            lookups = variables.dependencies;
            variables.dependencies = null;
        }
        String[] names = new String[lookups.size()];
        Object[] answers = new Object[lookups.size()];
        int i = 0;
        for (Map.Entry<String, Object> lookup : lookups.entrySet()) {
            names[i] = lookup.getKey();
            // The list recorded for a set is the live one, which a later '+=' extends: keep a copy.
            answers[i++] = lookup.getValue() instanceof List<?> list ? List.copyOf(list) : lookup.getValue();
        }
        if (candidates == null) {
            candidates = new ArrayList<>(1);
            readings.put(key, candidates);
        }
        candidates.add(new Reading(rule, List.copyOf(findings), names, answers, check));
        return rule;
    }

    /** Ends one check of the document: readings it did not use are dropped. */
    void finishCheck() {
        readings.values().removeIf(candidates -> {
            candidates.removeIf(reading -> reading.check != check);
            return candidates.isEmpty();
        });
        check++;
    }

    /** Rules taken from the memo, over its life. */
    public long reused() {
        return reused;
    }

    /** Rules read afresh, over its life. */
    public long read() {
        return read;
    }

    private static Key key(String text, List<SyntaxToken> tokens, int origin, Qualifiers qualifiers) {
        int[] layout = new int[tokens.size() * 3];
        for (int i = 0; i < tokens.size(); i++) {
            SyntaxToken token = tokens.get(i);
            layout[3 * i] = token.kind().ordinal();
            layout[3 * i + 1] = token.start() - origin;
            layout[3 * i + 2] = token.end() - origin;
        }
        int end = tokens.get(tokens.size() - 1).end();
        return new Key(text.substring(origin, end), layout, qualifiers);
    }

}
