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
import dev.armorbench.policy.syntax.SyntaxTree;
import dev.armorbench.policy.syntax.TextEdit;
import dev.armorbench.suggest.NetworkRuleForm;
import dev.armorbench.suggest.RuleKind;
import dev.armorbench.suggest.RuleModel;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The rules of a text that the language has but this machine's {@code apparmor_parser} refuses:
 * the policy checks follow AppArmor 4 (the reference's own tests), while Debian 12 ships AppArmor
 * 3.0.8, which stops at a network rule with permissions or addresses ("syntax error, unexpected
 * TOK_ID") and loads none of the file. A warning rather than an error: the file is good AppArmor 4
 * and may be meant for another machine. Its fix writes the rule as {@code network DOMAIN TYPE,},
 * which both parsers read.
 */
public final class InstalledParserCheck {
    public static final String CODE = "network-needs-apparmor-4";
    /**
     * The rule kinds AppArmor 4 added and AppArmor 3 refuses, with what they mediate: AppArmor 3
     * mediates none of these, so without the rule nothing changes under it.
     */
    private static final Map<RuleKind, String> APPARMOR_4_RULES = Map.of(
            RuleKind.USERNS, "user namespaces", RuleKind.MQUEUE, "message queues", RuleKind.IO_URING, "io_uring");

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

    /** The warning code for a rule of {@code kind} the installed parser refuses: {@code userns-needs-apparmor-4}. */
    public static String codeFor(RuleKind kind) {
        return kind.keyword() + "-needs-apparmor-4";
    }

    /** What rules of {@code kind} mediate ("user namespaces"), for a kind {@link #checkApparmor4Rules} warns about. */
    public static String mediatedBy(RuleKind kind) {
        return APPARMOR_4_RULES.getOrDefault(kind, kind.keyword());
    }

    /** The codes of {@link #checkApparmor4Rules}, by the kind of rule each is about. */
    public static Map<String, RuleKind> apparmor4RuleCodes() {
        Map<String, RuleKind> codes = new LinkedHashMap<>();
        APPARMOR_4_RULES.keySet().forEach(kind -> codes.put(codeFor(kind), kind));
        return codes;
    }

    /**
     * The warnings for {@code lint}'s {@code userns}, {@code mqueue} and {@code io_uring} rules that
     * the installed parser does not read (AppArmor 3 refuses the whole file). The parser is asked
     * about a kind only when the text has a rule of it.
     */
    public static List<Diagnostic> checkApparmor4Rules(LintResult lint, Predicate<RuleKind> reads) {
        SourceFile source = lint.source();
        List<Diagnostic> found = new ArrayList<>();
        // One walk of the tree for all the kinds, in the order RuleKind lists them.
        Map<RuleKind, List<SyntaxNode>> byKind = new EnumMap<>(RuleKind.class);
        collect(source.tree().root(), source.text(), APPARMOR_4_RULES.keySet(), byKind);
        for (Map.Entry<RuleKind, List<SyntaxNode>> entry : byKind.entrySet()) {
            RuleKind kind = entry.getKey();
            String mediated = APPARMOR_4_RULES.get(kind);
            if (reads.test(kind)) {
                continue;
            }
            for (SyntaxNode rule : entry.getValue()) {
                found.add(new Diagnostic(Severity.WARNING, codeFor(kind), "apparmor_parser on this machine (AppArmor 3)"
                        + " does not read " + kind.keyword() + " rules: it refuses the whole file. AppArmor 3 does not"
                        + " mediate " + mediated + ", so without the rule nothing changes here; AppArmor 4 reads it",
                        source, rule.start(), rule.end()));
            }
        }
        return found;
    }

    /** The fix for a warning of {@link #checkApparmor4Rules} about a rule of {@code kind} on {@code text[start, end)}: the rule goes. */
    public static List<QuickFix> apparmor4RuleFixes(RuleKind kind, String text, int start, int end) {
        String mediated = APPARMOR_4_RULES.get(kind);
        if (mediated == null || start < 0 || end > text.length() || start >= end) {
            return List.of();
        }
        return List.of(QuickFix.of("Remove it: AppArmor 3 does not mediate " + mediated, removal(text, start, end)));
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
        int lineStart = text.lastIndexOf('\n', start - 1) + 1;
        int lineEnd = text.indexOf('\n', end);
        lineEnd = lineEnd < 0 ? text.length() : lineEnd + 1;
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
        Map<RuleKind, List<SyntaxNode>> byKind = new EnumMap<>(RuleKind.class);
        collect(root, text, Set.of(RuleKind.NETWORK), byKind);
        return byKind.getOrDefault(RuleKind.NETWORK, List.of());
    }

    /** The rule nodes of the {@code wanted} kinds, anywhere in the tree, into {@code byKind}. */
    private static void collect(SyntaxNode node, String text, Set<RuleKind> wanted, Map<RuleKind, List<SyntaxNode>> byKind) {
        if (node.kind() == SyntaxKind.RULE) {
            RuleKind kind = RuleKind.of(node, text);
            if (kind != null && wanted.contains(kind)) {
                byKind.computeIfAbsent(kind, k -> new ArrayList<>()).add(node);
            }
            return;
        }
        for (SyntaxElement child : node.children()) {
            if (child instanceof SyntaxNode inner) {
                collect(inner, text, wanted, byKind);
            }
        }
    }

    private static boolean isNetworkRule(SyntaxNode rule, String text) {
        return RuleKind.of(rule, text) == RuleKind.NETWORK;
    }
}
