package dev.armorbench.trial.load;

import dev.armorbench.container.QuickFix;
import dev.armorbench.policy.check.Diagnostic;
import dev.armorbench.policy.check.LintResult;
import dev.armorbench.policy.check.Severity;
import dev.armorbench.policy.check.SourceFile;
import dev.armorbench.policy.model.Conditions;
import dev.armorbench.policy.model.NetworkRule;
import dev.armorbench.policy.model.Rule;
import dev.armorbench.policy.syntax.SyntaxElement;
import dev.armorbench.policy.syntax.SyntaxKind;
import dev.armorbench.policy.syntax.SyntaxNode;
import dev.armorbench.policy.syntax.SyntaxToken;
import dev.armorbench.policy.syntax.SyntaxTree;
import dev.armorbench.policy.syntax.TextEdit;
import dev.armorbench.policy.syntax.TextLines;
import dev.armorbench.policy.syntax.TokenKind;
import dev.armorbench.suggest.NetworkRuleForm;
import dev.armorbench.suggest.RuleKind;
import dev.armorbench.suggest.RuleModel;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * What a text uses of the language that this machine's {@code apparmor_parser} refuses: the policy
 * checks follow AppArmor 4 (the reference's own tests), while Debian 12 ships AppArmor 3.0.8, which
 * stops at a network rule with permissions or addresses ("syntax error, unexpected TOK_ID"), at
 * the rules, qualifiers and flags of {@link AppArmor4Feature}, and loads none of the file. Warnings
 * rather than errors: the file is good AppArmor 4 and may be meant for another machine. The fix
 * for a network rule writes it as {@code network DOMAIN TYPE,}, which both parsers read.
 */
public final class InstalledParserCheck {
    public static final String CODE = "network-needs-apparmor-4";

    private InstalledParserCheck() {
    }

    /**
     * The warnings for {@code lint}'s own text when the parser reads {@code form}; none for
     * {@link NetworkRuleForm#FINE_GRAINED}. The form is asked for only when the text has a rule it
     * could matter to, so that a file without one costs no run of the parser.
     */
    public static List<Diagnostic> check(LintResult lint, Supplier<NetworkRuleForm> form) {
        SourceFile source = lint.source();
        List<Diagnostic> found = new ArrayList<>();
        for (SyntaxNode rule : networkRules(source.tree().root(), source.text())) {
            String text = source.text().substring(rule.start(), rule.end());
            fineGrained(text).ifPresent(network -> found.add(new Diagnostic(Severity.WARNING, CODE,
                    "apparmor_parser on this machine (AppArmor 3) does not read network permissions or addresses:"
                            + " it refuses the whole file. Write '" + familyAndType(network) + "' to load it here;"
                            + " AppArmor 4 reads both",
                    source, rule.start(), rule.end())));
        }
        return found.isEmpty() || form.get() == NetworkRuleForm.FINE_GRAINED ? List.of() : found;
    }

    /** The codes of {@link #checkApparmor4Features}'s warnings. */
    public static Set<String> apparmor4Codes() {
        Set<String> codes = new LinkedHashSet<>();
        for (AppArmor4Feature feature : AppArmor4Feature.values()) {
            codes.add(feature.code());
        }
        return codes;
    }

    /**
     * The warnings for what {@code lint}'s text uses of AppArmor 4's language that the installed
     * parser does not read ({@link AppArmor4Feature}: AppArmor 3 refuses the whole file). The parser
     * is asked about a feature only when the text uses it.
     */
    public static List<Diagnostic> checkApparmor4Features(LintResult lint, Predicate<AppArmor4Feature> reads) {
        SourceFile source = lint.source();
        Map<AppArmor4Feature, Boolean> asked = new EnumMap<>(AppArmor4Feature.class);
        List<Diagnostic> found = new ArrayList<>();
        Set<String> userVariables = lint.policy() == null ? Set.of() : lint.policy().variables().keySet();
        for (AppArmor4Uses.Use use : AppArmor4Uses.find(source.tree().root(), source.text(), userVariables)) {
            AppArmor4Feature feature = use.feature();
            if (asked.computeIfAbsent(feature, reads::test)) {
                continue;
            }
            found.add(new Diagnostic(Severity.WARNING, feature.code(), "apparmor_parser on this machine (AppArmor 3)"
                    + " does not read " + feature.shown() + ": it refuses the whole file. " + capitalized(feature.advice())
                    + "; AppArmor 4 reads it", source, use.start(), use.end()));
        }
        return found;
    }

    /** The feature a warning of {@link #checkApparmor4Features} is about, if it is one. */
    public static Optional<AppArmor4Feature> apparmor4FeatureOf(Diagnostic warning) {
        String used = warning.source().text().substring(warning.start(), warning.end());
        return Optional.ofNullable(AppArmor4Feature.of(warning.code(), used));
    }

    /**
     * The fix for a warning of {@link #checkApparmor4Features} with {@code code} on {@code text[start,
     * end)}, where one keeps what the profile means under AppArmor 3: a rule of a kind AppArmor 3
     * does not mediate goes, {@code priority=N} goes, a flag that changes nothing there goes, and
     * {@code attach_disconnected.path=} becomes {@code attach_disconnected}. None for {@code all},
     * {@code prompt} and {@code default_allow}, which have no such stand-in.
     */
    public static List<QuickFix> apparmor4Fixes(String code, String text, int start, int end) {
        if (start < 0 || end > text.length() || start >= end) {
            return List.of();
        }
        String used = text.substring(start, end);
        AppArmor4Feature feature = AppArmor4Feature.of(code, used);
        if (feature == null) {
            return List.of();
        }
        String reason = feature.fixReason();
        return switch (feature) {
            case USERNS_RULE, MQUEUE_RULE, IO_URING_RULE -> List.of(QuickFix.of("Remove it: " + reason,
                    removal(text, start, end)));
            case PRIORITY -> List.of(QuickFix.of("Remove '" + used + "': " + reason,
                    TextEdit.delete(start, afterSpaces(text, end))));
            case DEBUG_FLAG, INTERRUPTIBLE_FLAG, ATTACH_DISCONNECTED_IPC_FLAG, KILL_SIGNAL_FLAG, ERROR_FLAG ->
                    List.of(QuickFix.of("Remove the flag '" + used + "': " + reason, FlagEdits.removal(text, start, end)));
            case ATTACH_DISCONNECTED_PATH_FLAG -> List.of(FlagEdits.has(text, start, "attach_disconnected")
                    ? QuickFix.of("Remove the flag '" + used + "': 'attach_disconnected' is already there",
                            FlagEdits.removal(text, start, end))
                    : QuickFix.of("Write 'attach_disconnected' for AppArmor 3 (" + reason + ")",
                            new TextEdit(start, end, "attach_disconnected")));
            case KERNEL_ABI -> List.of(QuickFix.of("Write 'abi <abi/3.0>' (" + reason + ")",
                    new TextEdit(start, end, "<abi/3.0>")));
            case PATH_VARIABLES -> attachmentAround(text, start)
                    .map(path -> List.of(QuickFix.of("Write '" + path + "', the profile's attachment, as AppArmor 4 reads "
                            + used, new TextEdit(start, end, path))))
                    .orElse(List.of());
            case ALL_RULE, PROMPT_RULE, DEFAULT_ALLOW_FLAG, PROMPT_FLAG, CONDITION_OPERATORS, IF_UNSET_ASSIGNMENT,
                    OVERRIDE_ASSIGNMENT, IDENTITIES, MOUNT_OPTIONS -> List.of();
        };
    }

    private static int afterSpaces(String text, int at) {
        while (at < text.length() && (text.charAt(at) == ' ' || text.charAt(at) == '\t')) {
            at++;
        }
        return at;
    }

    private static String capitalized(String sentence) {
        return Character.toUpperCase(sentence.charAt(0)) + sentence.substring(1);
    }

    /**
     * The fixes for the warning on {@code text[start, end)}, best first. When another rule of the
     * same profile already covers what AppArmor 3 can say of this one, the first removes it (a
     * rewrite would only repeat that rule). Then the rule as family and type, keeping its
     * qualifiers: it allows (or denies) more than the rule did, and its title says what it covers.
     */
    public static List<QuickFix> fixes(String text, int start, int end) {
        if (start < 0 || end > text.length() || start >= end) {
            return List.of();
        }
        Optional<NetworkRule> fineGrained = fineGrained(text.substring(start, end));
        if (fineGrained.isEmpty()) {
            return List.of();
        }
        NetworkRule network = fineGrained.get();
        String replacement = familyAndType(network);
        List<QuickFix> fixes = new ArrayList<>();
        coveringSibling(text, start, replacement).ifPresent(covering -> fixes.add(QuickFix.of(
                "Remove it: '" + covering + "' already covers what AppArmor 3 can say of it", removal(text, start, end))));
        String scope = network.domain() == null ? "all networking"
                : "all of " + network.domain() + (network.type() == null ? "" : " " + network.type());
        fixes.add(QuickFix.of("Write '" + replacement + "' for AppArmor 3 (" + scope + ")",
                new TextEdit(start, end, replacement)));
        return fixes;
    }

    /**
     * The text of another plain network rule of the profile around {@code at} that covers
     * {@code replacement}. Only rules directly in the profile's body count, on both sides: one in a
     * qualifier block ({@code audit { … }}) or a conditional means more than its own text says.
     */
    private static Optional<String> coveringSibling(String text, int at, String replacement) {
        Optional<Rule> wanted = RuleModel.read(replacement);
        SyntaxNode profile = innermostProfile(SyntaxTree.parse(text).root(), at);
        SyntaxNode body = profile == null ? null : profile.child(SyntaxKind.BLOCK);
        if (wanted.isEmpty() || body == null) {
            return Optional.empty();
        }
        List<SyntaxNode> rules = body.childNodes().stream().filter(node -> node.kind() == SyntaxKind.RULE).toList();
        if (rules.stream().noneMatch(rule -> rule.start() == at)) {
            return Optional.empty();
        }
        for (SyntaxNode sibling : rules) {
            if (sibling.start() == at || !isNetworkRule(sibling, text)) {
                continue;
            }
            String siblingText = text.substring(sibling.start(), sibling.end());
            Optional<Rule> rule = RuleModel.read(siblingText);
            if (rule.isPresent() && fineGrained(siblingText).isEmpty() && rule.get().covers(wanted.get())) {
                return Optional.of(siblingText);
            }
        }
        return Optional.empty();
    }

    /**
     * The attachment of the innermost profile around {@code at}, which AppArmor 4 names
     * {@code @{exec_path}} and {@code @{attach_path}}: the path after the name, or the name itself
     * when it is a path; empty for a profile attached to nothing, or whose attachment has variables.
     */
    private static Optional<String> attachmentAround(String text, int at) {
        SyntaxNode profile = innermostProfile(SyntaxTree.parse(text).root(), at);
        if (profile == null) {
            return Optional.empty();
        }
        List<SyntaxToken> header = profile.significantTokens();
        int i = 0;
        if (i < header.size() && (header.get(i).kind() == TokenKind.CARET
                || text.substring(header.get(i).start(), header.get(i).end()).equals("profile"))) {
            i++;
        }
        if (i >= header.size()) {
            return Optional.empty();
        }
        String name = text.substring(header.get(i).start(), header.get(i).end());
        String next = i + 1 < header.size() ? text.substring(header.get(i + 1).start(), header.get(i + 1).end()) : "";
        String attachment = next.startsWith("/") ? next : name.startsWith("/") ? name : null;
        return attachment == null || attachment.contains("@{") ? Optional.empty() : Optional.of(attachment);
    }

    /** The innermost profile whose text holds {@code at}, or null. */
    private static SyntaxNode innermostProfile(SyntaxNode node, int at) {
        for (SyntaxNode child : node.childNodes()) {
            if (child.start() <= at && at < child.end()) {
                SyntaxNode inner = innermostProfile(child, at);
                return inner != null ? inner : child.kind() == SyntaxKind.PROFILE ? child : null;
            }
        }
        return null;
    }

    /** The rule's whole line when it stands alone on it, else just the rule. */
    private static TextEdit removal(String text, int start, int end) {
        int lineStart = TextLines.lineStart(text, start);
        int lineEnd = TextLines.nextLineStart(text, end);
        boolean alone = text.substring(lineStart, start).isBlank() && text.substring(end, lineEnd).isBlank();
        return alone ? TextEdit.delete(lineStart, lineEnd) : TextEdit.delete(start, end);
    }

    /** What to write for the rule a warning of {@link #check} is about, quoted: {@code 'network inet stream,'}. */
    public static String familyAndTypeOf(Diagnostic warning) {
        String rule = warning.source().text().substring(warning.start(), warning.end());
        return fineGrained(rule).map(network -> "'" + familyAndType(network) + "'").orElse("'network DOMAIN TYPE,'");
    }

    /**
     * The network rule written by {@code ruleText} if it has permissions or addresses, read by the
     * policy engine itself; empty for a rule with variables or errors (the language checks speak for it).
     */
    private static Optional<NetworkRule> fineGrained(String ruleText) {
        return RuleModel.read(ruleText).filter(NetworkRule.class::isInstance).map(NetworkRule.class::cast)
                .filter(network -> !network.perms().isEmpty() || !network.conditions().values().isEmpty()
                        || !network.peer().values().isEmpty());
    }

    private static String familyAndType(NetworkRule network) {
        Rule plain = new NetworkRule(network.qualifiers(), Set.of(), network.domain(), network.type(), Conditions.NONE,
                Conditions.NONE);
        return plain.canonical();
    }

    /** The rule nodes, anywhere in the tree, that are network rules ({@link RuleKind#of}). */
    private static List<SyntaxNode> networkRules(SyntaxNode root, String text) {
        List<SyntaxNode> rules = new ArrayList<>();
        collectNetworkRules(root, text, rules);
        return rules;
    }

    private static void collectNetworkRules(SyntaxNode node, String text, List<SyntaxNode> rules) {
        if (node.kind() == SyntaxKind.RULE) {
            if (isNetworkRule(node, text)) {
                rules.add(node);
            }
            return;
        }
        for (SyntaxElement child : node.children()) {
            if (child instanceof SyntaxNode inner) {
                collectNetworkRules(inner, text, rules);
            }
        }
    }

    private static boolean isNetworkRule(SyntaxNode rule, String text) {
        return RuleKind.of(rule, text) == RuleKind.NETWORK;
    }
}
