package dev.armorbench.ui;

import dev.armorbench.container.QuickFix;
import dev.armorbench.policy.check.Diagnostic;
import dev.armorbench.policy.check.LintResult;
import dev.armorbench.policy.syntax.TextEdit;
import dev.armorbench.suggest.NetworkRuleForm;
import dev.armorbench.trial.load.AppArmor4Feature;
import dev.armorbench.trial.load.InstalledParser;
import dev.armorbench.trial.load.InstalledParserCheck;
import dev.armorbench.ui.editor.FixProposal;
import dev.armorbench.ui.editor.ProblemTracking;
import dev.armorbench.ui.editor.QuickFixRegistry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Brings into the editor what this machine's {@code apparmor_parser} would refuse though the
 * language has it ({@link InstalledParserCheck}), with its fix; and, where several places have a
 * fix, one that makes them all at once (a profile written for AppArmor 4 met on AppArmor 3 often
 * has a dozen). The parser is asked once, on the editor's background thread, the first time a text
 * is checked.
 */
final class InstalledParserProblems implements ProblemTracking.FurtherCheck {
    private final Supplier<NetworkRuleForm> installedForm;
    private final Predicate<AppArmor4Feature> reads;
    /** The warnings of the last check, with the text they are about: the all-at-once fix reads them. */
    private volatile Checked latest;

    private record Checked(String text, List<Diagnostic> warnings) {}

    InstalledParserProblems() {
        this(InstalledParser::networkRuleForm, InstalledParser::reads);
    }

    InstalledParserProblems(Supplier<NetworkRuleForm> installedForm, Predicate<AppArmor4Feature> reads) {
        this.installedForm = installedForm;
        this.reads = reads;
    }

    @Override
    public List<Diagnostic> check(LintResult lint) {
        // Asked at every check, not only when a rule needs it: completion reads the answer too.
        NetworkRuleForm form = installedForm.get();
        List<Diagnostic> found = new ArrayList<>(InstalledParserCheck.check(lint, () -> form));
        found.addAll(InstalledParserCheck.checkApparmor4Features(lint, reads));
        latest = new Checked(lint.source().text(), List.copyOf(found));
        return found;
    }

    QuickFixRegistry registerFixes(QuickFixRegistry registry) {
        List<String> codes = new ArrayList<>();
        codes.add(InstalledParserCheck.CODE);
        codes.addAll(InstalledParserCheck.apparmor4Codes());
        for (String code : codes) {
            registry.register(code, (problem, text) -> {
                List<FixProposal> proposals = new ArrayList<>(fixesOf(code, text, problem.start(), problem.end()));
                if (!proposals.isEmpty()) {
                    allAtOnce(text).ifPresent(proposals::add);
                }
                return proposals;
            });
        }
        return registry;
    }

    private static List<FixProposal> fixesOf(String code, String text, int start, int end) {
        List<QuickFix> fixes = code.equals(InstalledParserCheck.CODE) ? InstalledParserCheck.fixes(text, start, end)
                : InstalledParserCheck.apparmor4Fixes(code, text, start, end);
        return fixes.stream().map(fix -> new FixProposal(fix.title(), fix.edits())).toList();
    }

    /**
     * The first fix of every warning of the last check that has one, made one after the other from
     * the end of the text (so the places before keep their offsets, and flags taken out of one
     * list leave it as the last removal finds it), and offered as one edit of the changed stretch:
     * when two or more places have a fix and the text is the one checked.
     */
    private Optional<FixProposal> allAtOnce(String text) {
        Checked checked = latest;
        if (checked == null || !checked.text().equals(text)) {
            return Optional.empty();
        }
        List<Diagnostic> fromTheEnd = new ArrayList<>(checked.warnings());
        fromTheEnd.sort(Comparator.comparingInt(Diagnostic::start).reversed());
        String fixed = text;
        int places = 0;
        int lastEnd = Integer.MAX_VALUE;
        for (Diagnostic warning : fromTheEnd) {
            List<FixProposal> fixes = fixesOf(warning.code(), fixed, warning.start(), warning.end());
            if (fixes.isEmpty() || warning.end() > lastEnd) {
                continue; // no fix, or inside a place already fixed
            }
            fixed = fixes.get(0).applyTo(fixed);
            lastEnd = warning.start();
            places++;
        }
        if (places < 2) {
            return Optional.empty();
        }
        int unfixed = checked.warnings().size() - places;
        return Optional.of(FixProposal.of("Fix all " + places + " places this machine's apparmor_parser refuses"
                + " (AppArmor 3)" + (unfixed == 0 ? "" : "; " + unfixed + (unfixed == 1 ? " more has" : " more have") + " no fix"),
                changedStretch(text, fixed)));
    }

    /** One edit that turns {@code before} into {@code after}: the stretch between what they share at both ends. */
    private static TextEdit changedStretch(String before, String after) {
        int prefix = 0;
        int shorter = Math.min(before.length(), after.length());
        while (prefix < shorter && before.charAt(prefix) == after.charAt(prefix)) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < shorter - prefix
                && before.charAt(before.length() - 1 - suffix) == after.charAt(after.length() - 1 - suffix)) {
            suffix++;
        }
        return new TextEdit(prefix, before.length() - suffix, after.substring(prefix, after.length() - suffix));
    }
}
