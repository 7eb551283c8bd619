package dev.armorbench.ui;

import dev.armorbench.policy.check.Diagnostic;
import dev.armorbench.policy.check.LintResult;
import dev.armorbench.suggest.NetworkRuleForm;
import dev.armorbench.trial.load.AppArmor4Feature;
import dev.armorbench.trial.load.InstalledParser;
import dev.armorbench.trial.load.InstalledParserCheck;
import dev.armorbench.ui.editor.FixProposal;
import dev.armorbench.ui.editor.ProblemTracking;
import dev.armorbench.ui.editor.QuickFixRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Brings into the editor what this machine's {@code apparmor_parser} would refuse though the
 * language has it ({@link InstalledParserCheck}), with its fix. The parser is asked once, on the
 * editor's background thread, the first time a text is checked.
 */
final class InstalledParserProblems implements ProblemTracking.FurtherCheck {
    private final Supplier<NetworkRuleForm> installedForm;
    private final Predicate<AppArmor4Feature> reads;

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
        return found;
    }

    QuickFixRegistry registerFixes(QuickFixRegistry registry) {
        registry.register(InstalledParserCheck.CODE, (problem, text) ->
                InstalledParserCheck.fixes(text, problem.start(), problem.end()).stream()
                        .map(fix -> new FixProposal(fix.title(), fix.edits()))
                        .toList());
        InstalledParserCheck.apparmor4Codes().forEach(code -> registry.register(code, (problem, text) ->
                InstalledParserCheck.apparmor4Fixes(code, text, problem.start(), problem.end()).stream()
                        .map(fix -> new FixProposal(fix.title(), fix.edits()))
                        .toList()));
        return registry;
    }
}
