package dev.armorbench.policy.check;

import dev.armorbench.files.ReadProblem;
import dev.armorbench.policy.check.Element.Atom;
import dev.armorbench.policy.model.BuiltinVariables;
import dev.armorbench.policy.model.ChangeProfileRule;
import dev.armorbench.policy.model.FileRule;
import dev.armorbench.policy.model.Policy;
import dev.armorbench.policy.model.Profile;
import dev.armorbench.policy.model.Qualifiers;
import dev.armorbench.policy.model.RlimitRule;
import dev.armorbench.policy.model.Rule;
import dev.armorbench.policy.syntax.SyntaxElement;
import dev.armorbench.policy.syntax.SyntaxKind;
import dev.armorbench.policy.syntax.SyntaxNode;
import dev.armorbench.policy.syntax.SyntaxToken;
import dev.armorbench.policy.syntax.TokenKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a policy file the way {@code apparmor_parser} does: inlines includes, collects variables,
 * evaluates conditionals, reads profiles and rules, and reports every error the reference would
 * reject the file for, plus warnings for deprecated forms. One instance per policy file.
 */
public final class PolicyReader {
    private final PolicySources sources;
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private final Variables variables = new Variables();
    private final Deque<Path> includeStack = new ArrayDeque<>();
    private final Set<Path> preambleIncludes = new HashSet<>();
    private final Map<String, Object> definitionSites = new HashMap<>();
    private final Set<Object> appliedAdditions = new HashSet<>();
    private final Map<String, SyntaxNode> topProfiles = new LinkedHashMap<>();
    private final List<Profile> profiles = new ArrayList<>();
    /** Rule readings kept from the last check of {@link #document}, or null. */
    private RuleMemo memo;
    private SourceFile document;

    private PolicyReader(PolicySources sources) {
        this.sources = sources;
    }

    /** Reads and checks one policy file. */
    public static LintResult lint(Path file, PolicySources sources) throws IOException {
        return lint(sources.file(file), sources);
    }

    public static LintResult lint(SourceFile source, PolicySources sources) {
        return lint(source, sources, null);
    }

    /**
     * Reads and checks one policy file, taking the reading of each of its rules from {@code memo}
     * where nothing the rule depends on changed since the last check with that memo (the editor's
     * re-check after an edit). The result is the same as without a memo.
     */
    public static LintResult lint(SourceFile source, PolicySources sources, RuleMemo memo) {
        PolicyReader reader = new PolicyReader(sources);
        reader.memo = memo;
        reader.document = source;
        reader.includeStack.push(source.path().toAbsolutePath().normalize());
        reader.items(source, source.tree().root(), null, Qualifiers.NONE, null);
        reader.reportUnclosedQuote(source);
        if (memo != null) {
            memo.finishCheck();
        }
        Policy policy = new Policy(List.copyOf(reader.profiles), Map.copyOf(reader.variables.sets),
                Map.copyOf(reader.variables.booleans));
        return new LintResult(source, policy, List.copyOf(reader.diagnostics));
    }

    /**
     * A quote that never closes runs to the end of the file, taking every rule after it into one
     * string: apparmor_parser's lexer then stops at the stray '"'. Said at the quote, where the fix is;
     * an unclosed quote in a variable's value had gone unreported, or as a variable that refers to
     * itself.
     */
    private void reportUnclosedQuote(SourceFile source) {
        SyntaxElement last = source.tree().root();
        while (last instanceof SyntaxNode node && !node.children().isEmpty()) {
            last = node.children().get(node.children().size() - 1);
        }
        if (!(last instanceof SyntaxToken token) || token.kind() != TokenKind.QUOTED) {
            return;
        }
        String quoted = source.text().substring(token.start(), token.end());
        int i = 1;
        while (i < quoted.length() && quoted.charAt(i) != '"') {
            i += quoted.charAt(i) == '\\' ? 2 : 1;
        }
        if (i >= quoted.length()) {
            // What was found inside the runaway string (a variable that now refers to itself, a
            // profile never closed) follows from the quote; it is not reported beside it.
            diagnostics.removeIf(d -> d.source() == source && d.end() > token.start());
            reporter(source).error("unclosed-quote", "close this quote: no '\"' ends it, so the rest of the file is read as one string",
                    token.start(), token.start() + 1);
        }
    }

    /** A profile being read: its rules and children so far. */
    private static final class Scope {
        final String name;
        final ProfileHeader header;
        final boolean hat;
        final List<Rule> rules = new ArrayList<>();
        final List<Profile> children = new ArrayList<>();
        final Set<String> childNames = new HashSet<>();
        final Set<Path> includes = new HashSet<>();
        /** The first allowing exec rule per priority, files (owner or other) and path text. */
        final Map<String, WrittenRule> execs = new HashMap<>();
        /** The first change_profile rule per deny and expanded program and target, with its safety. */
        final Map<String, WrittenSafety> changeProfileSafety = new HashMap<>();
        final ExecModeClashes execClashes = new ExecModeClashes();
        /** Reading an include for the cache: rules are recorded with their origin, cross-rule checks wait for replay. */
        List<CachedInclude.Origin> captured;

        Scope(String name, ProfileHeader header, boolean hat) {
            this.name = name;
            this.header = header;
            this.hat = hat;
        }
    }

    /** An exec rule and where it is written, for the fixes of a later rule that clashes with it. */
    private record WrittenRule(FileRule rule, SourceFile source, SyntaxNode node) {}

    /** A change_profile rule's safety and where the rule is written, as {@link WrittenRule}. */
    private record WrittenSafety(String safety, SourceFile source, SyntaxNode node) {}

    private Reporter reporter(SourceFile source) {
        return new Reporter() {
            @Override
            public void report(Severity severity, String code, String message, int start, int end) {
                diagnostics.add(new Diagnostic(severity, code, message, source, start, end));
            }

            @Override
            public void error(String code, String message, int start, int end, List<DiagnosticFix> fixes) {
                diagnostics.add(new Diagnostic(Severity.ERROR, code, message, source, start, end, fixes));
            }
        };
    }

    private void items(SourceFile source, SyntaxNode container, Scope scope, Qualifiers qualifiers, SyntaxNode block) {
        Reporter reporter = reporter(source);
        for (SyntaxElement element : container.children()) {
            if (!(element instanceof SyntaxNode node)) {
                continue;
            }
            switch (node.kind()) {
                case ABI -> abi(source, node, scope, reporter);
                case INCLUDE -> include(source, node, scope, qualifiers, reporter);
                case VARIABLE_ASSIGNMENT -> {
                    if (scope != null) {
                        reporter.error("assignment-in-profile", "move the variable assignment to the preamble, before the profiles",
                                node.start(), node.end());
                    } else {
                        assignment(source, node, reporter);
                    }
                }
                case BOOL_ASSIGNMENT -> {
                    if (scope != null) {
                        reporter.error("assignment-in-profile", "move the boolean assignment to the preamble, before the profiles",
                                node.start(), node.end());
                    } else {
                        booleanAssignment(source, node, reporter);
                    }
                }
                case ALIAS -> alias(source, node, scope, reporter);
                case CONDITIONAL -> conditional(source, node, scope, qualifiers, reporter);
                case PROFILE -> profile(source, node, scope, reporter);
                case QUALIFIER_BLOCK -> qualifierBlock(source, node, scope, qualifiers, reporter);
                case RULE -> rule(source, node, scope, qualifiers, reporter);
                case ERROR -> reporter.error("syntax-error", "unexpected '" + shorten(source.tree().text(node))
                        + "': remove it or complete the statement", node.start(), node.end());
                default -> {
                }
            }
        }
    }

    // ---- preamble

    private void abi(SourceFile source, SyntaxNode node, Scope scope, Reporter reporter) {
        List<SyntaxToken> tokens = node.significantTokens();
        boolean ok = tokens.size() == 3 && (tokens.get(1).kind() == TokenKind.ANGLE_PATH || tokens.get(1).kind() == TokenKind.QUOTED
                || tokens.get(1).kind() == TokenKind.WORD) && tokens.get(2).kind() == TokenKind.COMMA;
        if (ok) {
            String raw = source.tree().text(tokens.get(1));
            boolean searched = raw.startsWith("<");
            String name = includeName(raw);
            if (name.isEmpty() || raw.startsWith("\"") && !raw.endsWith("\"")) {
                ok = false;
            } else if (!(searched && (name.equals("kernel") || name.equals("default"))) && sources.resolve(name, searched) == null) {
                reporter.error("abi-not-found", abiNotFound(name, searched), tokens.get(1).start(), tokens.get(1).end());
                return;
            }
        }
        if (!ok) {
            reporter.error("abi-syntax", "write 'abi <abi/4.0>,' (a path in <> or quotes, then a comma)", node.start(), node.end());
        }
    }

    /**
     * Names what the search path has instead: a profile written for AppArmor 4 ({@code abi/4.0})
     * met on an AppArmor 3 machine, which has only {@code abi/3.0}, is the usual case.
     */
    private String abiNotFound(String name, boolean searched) {
        List<String> offered = searched ? sources.abiNames() : List.of();
        if (offered.isEmpty()) {
            return "cannot find the abi file '" + name + "'; fix the name or the include path (-I)";
        }
        String best = offered.contains("abi/3.0") ? "abi/3.0" : offered.get(offered.size() - 1);
        return "cannot find the abi file '" + name + "': this machine's policy has " + String.join(", ", offered)
                + "; write 'abi <" + best + ">,' to load it here, or fix the include path (-I)";
    }

    private String includeNotFound(String name, boolean searched) {
        if (searched && sources.searchPathMissing()) {
            String dirs = sources.searchPath().stream().map(Path::toString).collect(java.util.stream.Collectors.joining(", "));
            return "cannot find '" + name + "': the include search path (" + dirs + ") does not exist on this machine;"
                    + " install AppArmor's policy files (Debian: apt install apparmor) or choose a directory that has"
                    + " them (-I, or View → Include Search Path in the app)";
        }
        return "cannot find '" + name + "'"
                + (searched ? " in the include search path (add a directory with -I)" : " (relative to --base)")
                + "; fix the name or write 'include if exists'";
    }

    private void include(SourceFile source, SyntaxNode node, Scope scope, Qualifiers qualifiers, Reporter reporter) {
        List<SyntaxToken> tokens = node.significantTokens();
        String keyword = source.tree().text(tokens.get(0));
        if (keyword.equals("#include")) {
            reporter.report(Severity.WARNING, "deprecated-hash-include", "write 'include' instead of the deprecated '#include'",
                    tokens.get(0).start(), tokens.get(0).end());
        }
        boolean ifExists = tokens.size() >= 3 && source.tree().text(tokens.get(1)).equals("if");
        SyntaxToken pathToken = tokens.get(tokens.size() - 1);
        boolean hasPath = pathToken.kind() == TokenKind.ANGLE_PATH || pathToken.kind() == TokenKind.QUOTED;
        if (!hasPath || ifExists && (tokens.size() != 4 || !source.tree().text(tokens.get(2)).equals("exists"))) {
            reporter.error("include-syntax", "write 'include <path>' or 'include \"path\"'", node.start(), node.end());
            return;
        }
        String raw = source.tree().text(pathToken);
        boolean searched = raw.startsWith("<");
        String name = includeName(raw);
        if (name.isEmpty()) {
            reporter.error("include-syntax", "name the file to include", node.start(), node.end());
            return;
        }
        Path target = sources.resolve(name, searched);
        if (target == null) {
            if (!ifExists) {
                reporter.error("include-not-found", includeNotFound(name, searched), pathToken.start(), pathToken.end());
            }
            return;
        }
        List<Path> files;
        try {
            files = sources.includeFiles(target);
        } catch (IOException e) {
            reporter.error("include-unreadable", "cannot read '" + name + "': " + ReadProblem.reason(target, e),
                    pathToken.start(), pathToken.end());
            return;
        }
        for (Path file : files) {
            Path key = sources.key(file);
            if (includeStack.contains(key)) {
                reporter.report(Severity.WARNING, "include-cycle", "'" + name + "' includes itself (directly or through "
                        + "other files); the repeated include is skipped", pathToken.start(), pathToken.end());
                continue;
            }
            Set<Path> seen = scope == null ? preambleIncludes : scope.includes;
            if (!seen.add(key)) {
                continue;
            }
            boolean pristine = scope == null && includeStack.size() == 1 && variables.sets.isEmpty()
                    && variables.booleans.isEmpty() && seen.size() == 1 && files.size() == 1;
            if (pristine && restorePreamble(key)) {
                continue;
            }
            int diagnosticsBefore = diagnostics.size();
            SourceFile included;
            try {
                included = sources.file(file);
            } catch (IOException e) {
                reporter.error("include-unreadable", "cannot read '" + file + "': " + ReadProblem.reason(file, e),
                        pathToken.start(), pathToken.end());
                continue;
            }
            if (scope != null && scope.captured == null && readThroughCache(key, included, scope, qualifiers, seen)) {
                continue;
            }
            includeStack.push(key);
            items(included, included.tree().root(), scope, qualifiers, null);
            includeStack.pop();
            if (pristine) {
                sources.preamble(key, new PreambleSnapshot(PreambleSnapshot.deepCopy(variables.sets),
                        new HashMap<>(variables.booleans), new HashMap<>(definitionSites), new HashSet<>(appliedAdditions),
                        new HashSet<>(preambleIncludes), List.copyOf(diagnostics.subList(diagnosticsBefore, diagnostics.size())),
                        new java.util.concurrent.ConcurrentHashMap<>()));
            }
        }
    }

    private void assignment(SourceFile source, SyntaxNode node, Reporter reporter) {
        List<SyntaxToken> tokens = node.significantTokens();
        String variable = source.tree().text(tokens.get(0));
        String name = ConditionEvaluator.bare(variable);
        if (tokens.size() < 2 || tokens.get(1).kind() != TokenKind.ASSIGN) {
            reporter.error("assignment-syntax", "write '@{NAME} = value …'", node.start(), node.end());
            return;
        }
        if (!isVariableName(name)) {
            reporter.error("bad-variable-name", "variable names start with a letter and contain letters, digits and '_'",
                    tokens.get(0).start(), tokens.get(0).end());
            return;
        }
        String operator = source.tree().text(tokens.get(1));
        List<String> values = new ArrayList<>();
        for (int i = 2; i < tokens.size(); i++) {
            SyntaxToken token = tokens.get(i);
            if (token.kind() == TokenKind.COMMA) {
                reporter.error("variable-trailing-comma", "remove the ',': variable assignments end at the line end, "
                        + "without a comma", token.start(), token.end());
                return;
            }
            if (token.kind() == TokenKind.QUOTED) {
                values.add(ElementReader.unquote(source.tree().text(token)));
            } else if (token.kind() == TokenKind.WORD || token.kind() == TokenKind.KEYWORD) {
                values.add(source.tree().text(token));
            } else {
                reporter.error("assignment-syntax", "'" + source.tree().text(token) + "' cannot be a variable value",
                        token.start(), token.end());
                return;
            }
        }
        if (values.isEmpty()) {
            reporter.error("empty-variable", "give @{" + name + "} at least one value", node.start(), node.end());
            return;
        }
        Object site = new Site(source, node.start());
        boolean defined = variables.sets.containsKey(name);
        switch (operator) {
            case "=" -> {
                if (defined && !site.equals(definitionSites.get(name)) && variables.sets.get(name).equals(values)) {
                    // Two collections installed together (AppArmor's tunables and apparmor.d's) define the
                    // same helper variables with the same values; the reference rejects it, but nothing differs.
                    reporter.report(Severity.WARNING, "variable-redefined-same", "@{" + name + "} is defined again with the "
                            + "same values; remove one definition", tokens.get(0).start(), tokens.get(1).end());
                    return;
                }
                if (defined && !site.equals(definitionSites.get(name)) && buildAlternative(source, node)) {
                    // apparmor.d's '#aa:only DISTRO' marks per-distribution alternatives its build keeps one of.
                    reporter.report(Severity.INFO, "build-alternative", "@{" + name + "} has per-distribution "
                            + "alternatives ('#aa:only'); the first one is used here", tokens.get(0).start(), tokens.get(1).end());
                    return;
                }
                if (defined && !site.equals(definitionSites.get(name))) {
                    reporter.error("variable-redefined", "@{" + name + "} is already defined; use '+=' to add values",
                            tokens.get(0).start(), tokens.get(1).end());
                    return;
                }
                // A new name invalidates no expansion of this policy (nothing could have used it yet),
                // but what expands through it must stay out of the expansions other policies share.
                if (!defined) {
                    variables.definedNew();
                }
                variables.sets.put(name, new ArrayList<>(values));
                definitionSites.put(name, site);
            }
            case "+=" -> {
                if (!defined) {
                    reporter.error("variable-not-defined", "@{" + name + "} gets values with '+=' before it is defined; "
                            + "define it with '=' first", tokens.get(0).start(), tokens.get(1).end());
                    return;
                }
                if (appliedAdditions.add(site)) {
                    variables.changed();
                    variables.sets.get(name).addAll(values);
                }
            }
            case "?=" -> {
                variables.changed();
                variables.sets.putIfAbsent(name, new ArrayList<>(values));
            }
            default -> {
                variables.changed();
                variables.sets.put(name, new ArrayList<>(values));
            }
        }
        // apparmor_parser expands a variable only where a rule uses it: the definition alone loads, and a
        // use is reported where it is (RuleReader). Here a warning, at the cause.
        if (Variables.refersToItself(name, values)) {
            reporter.report(Severity.WARNING, "recursive-variable", "@{" + name + "} refers to itself: a rule that"
                    + " uses it cannot load; break the cycle", node.start(), node.end());
        }
    }

    private void booleanAssignment(SourceFile source, SyntaxNode node, Reporter reporter) {
        List<SyntaxToken> tokens = node.significantTokens();
        String variable = source.tree().text(tokens.get(0));
        String name = ConditionEvaluator.bare(variable);
        String value = tokens.size() == 3 ? source.tree().text(tokens.get(2)).toLowerCase(java.util.Locale.ROOT) : "";
        if (tokens.size() != 3 || tokens.get(1).kind() != TokenKind.ASSIGN || !(value.equals("true") || value.equals("false"))) {
            reporter.error("boolean-syntax", "write '${" + name + "} = true' or '= false'", node.start(), node.end());
            return;
        }
        String operator = source.tree().text(tokens.get(1));
        Object site = new Site(source, node.start());
        if (operator.equals("+=")) {
            reporter.error("boolean-syntax", "booleans take '=', not '+='", tokens.get(1).start(), tokens.get(1).end());
            return;
        }
        if (variables.booleans.containsKey(name) && operator.equals("=") && !site.equals(definitionSites.get("$" + name))) {
            reporter.error("boolean-redefined", "${" + name + "} is already defined; set it once", node.start(), node.end());
            return;
        }
        if (operator.equals("?=") && variables.booleans.containsKey(name)) {
            return;
        }
        variables.booleans.put(name, value.equals("true"));
        definitionSites.put("$" + name, site);
    }

    private void alias(SourceFile source, SyntaxNode node, Scope scope, Reporter reporter) {
        List<SyntaxToken> tokens = node.significantTokens();
        boolean ok = tokens.size() == 5 && tokens.get(2).kind() == TokenKind.ARROW && tokens.get(4).kind() == TokenKind.COMMA
                && source.tree().text(tokens.get(1)).startsWith("/") && source.tree().text(tokens.get(3)).startsWith("/");
        if (!ok) {
            reporter.error("alias-syntax", "write 'alias /original -> /replacement,'", node.start(), node.end());
        } else if (scope != null) {
            reporter.error("alias-in-profile", "move the alias to the preamble, before the profiles", node.start(), node.end());
        }
    }

    private void conditional(SourceFile source, SyntaxNode node, Scope scope, Qualifiers qualifiers, Reporter reporter) {
        SyntaxNode condition = node.child(SyntaxKind.CONDITION);
        List<SyntaxNode> blocks = new ArrayList<>();
        SyntaxNode elseIf = null;
        for (SyntaxNode child : node.childNodes()) {
            if (child.kind() == SyntaxKind.BLOCK) {
                blocks.add(child);
            } else if (child.kind() == SyntaxKind.CONDITIONAL) {
                elseIf = child;
            }
        }
        if (blocks.isEmpty()) {
            reporter.error("conditional-syntax", "write 'if CONDITION { … }'", node.start(), node.end());
            return;
        }
        boolean hasElse = node.significantTokens().stream().anyMatch(t -> source.tree().text(t).equals("else"));
        if (hasElse && blocks.size() < 2 && elseIf == null) {
            reporter.error("conditional-syntax", "follow 'else' with '{ … }' or 'if …'", node.start(), node.end());
        }
        Boolean value = new ConditionEvaluator(source, variables, reporter).evaluate(condition);
        for (SyntaxNode block : blocks) {
            checkClosed(block, reporter);
        }
        // apparmor_parser's grammar reads every branch, so a broken rule is an error in the branch
        // not taken too; only the taken one adds to the policy.
        if (value == null || value) {
            items(source, blocks.get(0), scope, qualifiers, blocks.get(0));
            if (elseIf != null) {
                readUntaken(source, elseIf, scope, qualifiers, reporter);
            } else if (blocks.size() > 1) {
                readUntaken(source, blocks.get(1), scope, qualifiers, reporter);
            }
        } else {
            readUntaken(source, blocks.get(0), scope, qualifiers, reporter);
            if (elseIf != null) {
                conditional(source, elseIf, scope, qualifiers, reporter);
            } else if (blocks.size() > 1) {
                items(source, blocks.get(1), scope, qualifiers, blocks.get(1));
            }
        }
    }

    /** An exec rule's path whose variables give more paths than this is not compared with the others. */
    private static final int MAX_EXEC_ALTERNATIVES = 64;

    /**
     * What apparmor_parser finds only after parsing, in the policy it keeps: variables are
     * expanded, globs compiled and exec modes merged for the taken branches alone.
     */
    private static final Set<String> FOUND_AFTER_PARSING = Set.of("undefined-variable", "recursive-variable", "bad-glob",
            "conflicting-exec-modes");

    /**
     * Reads a branch not taken (a block, or an {@code else if} with all of its branches) for the
     * errors the reference's grammar finds there, into a scope that is thrown away. At the top
     * level it is left unread: the profiles it declares would join the policy.
     */
    private void readUntaken(SourceFile source, SyntaxNode branch, Scope scope, Qualifiers qualifiers, Reporter reporter) {
        if (scope == null) {
            return;
        }
        Scope discarded = new Scope(scope.name, scope.header, scope.hat);
        // Inside an include being read for the cache, read in place as the include itself is.
        discarded.captured = scope.captured == null ? null : new ArrayList<>();
        if (branch.kind() == SyntaxKind.BLOCK) {
            int before = diagnostics.size();
            items(source, branch, discarded, qualifiers, branch);
            diagnostics.subList(before, diagnostics.size()).removeIf(d -> FOUND_AFTER_PARSING.contains(d.code()));
            return;
        }
        new ConditionEvaluator(source, variables, reporter).evaluate(branch.child(SyntaxKind.CONDITION));
        for (SyntaxNode child : branch.childNodes()) {
            if (child.kind() == SyntaxKind.BLOCK || child.kind() == SyntaxKind.CONDITIONAL) {
                readUntaken(source, child, scope, qualifiers, reporter);
            }
        }
    }

    private void checkClosed(SyntaxNode block, Reporter reporter) {
        List<SyntaxToken> tokens = block.significantTokens();
        if (tokens.size() < 2 || tokens.get(tokens.size() - 1).kind() != TokenKind.R_BRACE) {
            reporter.error("missing-close-brace", "add the '}' that closes this block", block.start(),
                    Math.min(block.end(), block.start() + 1));
        }
    }

    // ---- profiles

    private void profile(SourceFile source, SyntaxNode node, Scope parent, Reporter reporter) {
        List<SyntaxToken> header = new ArrayList<>();
        for (SyntaxToken token : node.significantTokens()) {
            header.add(token);
        }
        SyntaxNode block = node.child(SyntaxKind.BLOCK);
        ProfileHeader parsed = ProfileHeader.read(source.text(), header, reporter, variables);
        checkClosed(block, reporter);
        if (parsed.name == null) {
            items(source, block, null, Qualifiers.NONE, block);
            return;
        }
        Atom nameAtom = parsed.name;
        String name = nameAtom.text();
        boolean hat = parsed.keyword != null && !parsed.keyword.equals("profile");
        // As written, not expanded: the reference refuses '@{FOO}/bin {' even where @{FOO} is a path.
        if (parsed.keyword == null && !name.startsWith("/") && !name.startsWith(":") && !nameAtom.quoted()) {
            reporter.error("profile-name", "start the name with '/' or a namespace, or write 'profile " + name + " {'",
                    nameAtom.start(), nameAtom.end());
        }
        if (parsed.keyword == null && nameAtom.quoted() && !name.startsWith("/") && !name.startsWith(":")) {
            reporter.error("profile-name", "start the name with '/' or write 'profile \"" + name + "\" {'",
                    nameAtom.start(), nameAtom.end());
        }
        if (name.startsWith(":")) {
            int close = name.indexOf(':', 1);
            if (close < 0) {
                reporter.error("namespace-syntax", "close the namespace with ':' as in ':ns:name'", nameAtom.start(), nameAtom.end());
            } else if (close == 1) {
                reporter.error("namespace-syntax", "name the namespace between the colons, as in ':ns:name'",
                        nameAtom.start(), nameAtom.end());
            }
        }
        if (name.contains("@{profile_name}")) {
            reporter.error("undefined-variable", "@{profile_name} is not defined in a profile's own name; write the name",
                    nameAtom.start(), nameAtom.end());
        }
        if (hat && parent == null && !name.contains("//")) {
            reporter.error("hat-outside-profile", "declare the hat inside its profile", node.start(), nameAtom.end());
        }
        if (hat && parsed.attachment != null) {
            reporter.error("hat-attachment", "remove the attachment: hats have none", parsed.attachment.start(), parsed.attachment.end());
        }
        // apparmor_parser compiles every profile, child and hat name as a glob, and the attachment.
        RuleReader globs = new RuleReader(source.text(), reporter, variables);
        List<String> expandedNames = variables.hasReference(name) && !name.contains("@{profile_name}")
                ? globs.expandChecked(nameAtom) : List.of(name);
        String expandedName = expandedNames.get(0);
        globs.checkGlob(nameAtom, expandedNames);
        if (parsed.attachment != null) {
            String attach = parsed.attachment.text();
            if (!attach.startsWith("/") && !attach.startsWith("@{") && !parsed.attachment.quoted()) {
                reporter.error("attachment-syntax", "start the attachment with '/' (or a variable that expands to a path)",
                        parsed.attachment.start(), parsed.attachment.end());
            }
            List<String> expandedAttachments = globs.expandChecked(parsed.attachment);
            for (String expanded : expandedAttachments) {
                if (!expanded.startsWith("/") && !expanded.startsWith("{") && attach.startsWith("@{")) {
                    reporter.error("attachment-syntax", "the attachment expands to '" + expanded + "'; it must be an absolute path",
                            parsed.attachment.start(), parsed.attachment.end());
                    break;
                }
            }
            globs.checkGlob(parsed.attachment, expandedAttachments);
        }
        if (name.startsWith("/")) {
            // As apparmor_parser (3.0 and later) warns, whether or not 'profile' comes first.
            String attachment = parsed.keyword == null || parsed.attachment == null ? name : parsed.attachment.text();
            reporter.report(Severity.INFO, "path-as-profile-name", "a path as the profile name is deprecated; write 'profile NAME "
                    + attachment + " {'", nameAtom.start(), nameAtom.end());
        }
        String key = profileKey(expandedName);
        if (parent == null) {
            if (topProfiles.containsKey(key)) {
                reporter.error("duplicate-profile", "a profile named '" + expandedName + "' already exists; rename one",
                        nameAtom.start(), nameAtom.end());
            }
            topProfiles.put(key, node);
        } else if (!parent.childNames.add(key)) {
            reporter.error("duplicate-profile", "'" + parent.name + "' already has a child or hat named '" + expandedName
                    + "'; rename one", nameAtom.start(), nameAtom.end());
        }
        Scope scope = new Scope(expandedName, parsed, hat);
        Map<String, String> savedBuiltins = new HashMap<>(variables.builtins);
        variables.builtins.clear();
        variables.builtins.putAll(BuiltinVariables.of(expandedName, parsed.attachment == null ? null : parsed.attachment.text()));
        items(source, block, scope, Qualifiers.NONE, block);
        variables.builtins.clear();
        variables.builtins.putAll(savedBuiltins);
        Profile profile = new Profile(expandedName, parsed.attachment == null ? null : parsed.attachment.text(), parsed.xattrs,
                parsed.flags, hat, List.copyOf(scope.rules), List.copyOf(scope.children));
        if (parent == null) {
            profiles.add(profile);
        } else {
            parent.children.add(profile);
        }
    }

    private void qualifierBlock(SourceFile source, SyntaxNode node, Scope scope, Qualifiers outer, Reporter reporter) {
        SyntaxNode block = node.child(SyntaxKind.BLOCK);
        checkClosed(block, reporter);
        boolean audit = false;
        String access = null;
        String owner = null;
        Integer priority = null;
        List<SyntaxToken> tokens = node.significantTokens();
        for (int i = 0; i < tokens.size(); i++) {
            String word = source.tree().text(tokens.get(i));
            switch (word) {
                case "audit" -> audit = true;
                case "allow", "deny", "prompt" -> access = word;
                case "owner", "user", "other" -> owner = word;
                case "priority" -> {
                    if (i + 2 < tokens.size()) {
                        try {
                            priority = Integer.parseInt(source.tree().text(tokens.get(i + 2)));
                        } catch (NumberFormatException e) {
                            reporter.error("priority-syntax", "write 'priority=N'", tokens.get(i).start(), tokens.get(i).end());
                        }
                    }
                    i += 2;
                }
                default -> reporter.error("qualifier-block-syntax", "only audit, allow, deny, owner and priority= may "
                        + "open a block", tokens.get(i).start(), tokens.get(i).end());
            }
        }
        if (scope == null) {
            reporter.error("rule-outside-profile", "move this block into a profile", node.start(), node.end());
        }
        items(source, block, scope, outer.with(new Qualifiers(priority, audit, access, owner)), block);
    }

    // ---- rules

    private void rule(SourceFile source, SyntaxNode node, Scope scope, Qualifiers qualifiers, Reporter reporter) {
        List<SyntaxToken> tokens = node.significantTokens();
        SyntaxToken last = tokens.get(tokens.size() - 1);
        if (last.kind() != TokenKind.COMMA) {
            reporter.error("missing-comma", "end the rule with ','", last.start(), last.end());
            return;
        }
        tokens = tokens.subList(0, tokens.size() - 1);
        if (tokens.isEmpty()) {
            reporter.error("syntax-error", "remove the stray ','", last.start(), last.end());
            return;
        }
        if (scope == null) {
            reporter.error("rule-outside-profile", "move this rule into a profile ('profile NAME { … }')",
                    node.start(), node.end());
            return;
        }
        reportCommentsInside(source, node, tokens, last, reporter);
        reportCarriageReturnGluedToWord(source, tokens, last, reporter);
        List<SyntaxToken> ruleTokens = tokens;
        RuleMemo.RuleRead fresh = findings -> {
            RuleReader reader = new RuleReader(source.text(), findings, variables);
            Rule read = reader.read(ruleTokens, qualifiers);
            return read instanceof RlimitRule rlimit ? reader.rlimitValue(rlimit, ruleTokens) : read;
        };
        Rule rule = memo != null && source == document
                ? memo.rule(source.text(), tokens, qualifiers, variables, reporter, fresh)
                : fresh.read(reporter);
        if (rule == null) {
            return;
        }
        addRule(scope, rule, source, node, last.start(), reporter);
    }

    /**
     * The rules whose keyword switches the reference's lexer into a mode of its own (NETWORK_MODE,
     * DBUS_MODE, …). Only its INITIAL state reads comments, so a '#' inside these rules is a word:
     * a commented-out line of a multi-line dbus rule makes the rule an error.
     */
    private static final Set<String> RULES_READ_IN_A_MODE = Set.of("network", "unix", "dbus", "signal", "ptrace",
            "mount", "remount", "umount", "unmount", "change_profile", "set", "userns", "mqueue");
    private static final Set<String> QUALIFIERS = Set.of("priority", "audit", "allow", "deny", "owner", "other", "user");

    private static void reportCommentsInside(SourceFile source, SyntaxNode node, List<SyntaxToken> tokens,
            SyntaxToken comma, Reporter reporter) {
        int at = ruleKeyword(source, tokens);
        String word = at < 0 ? null : source.tree().text(tokens.get(at));
        SyntaxToken keyword = word == null || !RULES_READ_IN_A_MODE.contains(word) ? null
                // 'set' is read between rules; the mode starts at 'rlimit'.
                : word.equals("set") && at + 1 < tokens.size() ? tokens.get(at + 1) : tokens.get(at);
        String name = keyword == null ? null : source.tree().text(keyword);
        boolean afterArrow = false;
        for (SyntaxElement child : node.children()) {
            if (!(child instanceof SyntaxToken token) || token.end() > comma.start()) {
                continue;
            }
            if (token.kind() == TokenKind.COMMENT && keyword != null && token.start() > keyword.start()) {
                reporter.error("comment-in-rule", "apparmor_parser reads no comments inside a " + name + " rule: it takes"
                        + " '#' for part of the rule; move the comment above the rule", token.start(), token.end());
            } else if (token.kind() == TokenKind.COMMENT && afterArrow) {
                // After '->' the reference reads the target in a state without comments, whatever the rule.
                reporter.error("comment-in-rule", "apparmor_parser reads no comment between '->' and its target: it"
                        + " takes '#' for the target; move the comment above the rule", token.start(), token.end());
            } else if (!token.kind().isTrivia()) {
                afterArrow = token.kind() == TokenKind.ARROW;
            }
        }
    }

    /** The rules whose words the reference's lexer reads as IDS_NOEQ, which takes in a ',' and a '\r' after it. */
    private static final Set<String> RULES_WITH_IDS_NOEQ = Set.of("mount", "remount", "umount", "unmount", "dbus",
            "signal", "ptrace", "unix", "mqueue", "io_uring");

    /**
     * A rule of those kinds whose last word is glued to its ',' on a CRLF line: the reference reads
     * ",\r" as part of the word, so the rule does not end there ('signal send,' then fails). A value
     * after '=' is read in another state and is safe, as is a blank before the ','. The '\r' is in
     * the text of a file as read from disk; the editor's text has LF line ends, and says whether
     * the file is saved with CRLF ones ({@link SourceFile#crlfOnDisk()}).
     */
    private static void reportCarriageReturnGluedToWord(SourceFile source, List<SyntaxToken> ruleTokens,
            SyntaxToken comma, Reporter reporter) {
        String text = source.text();
        if (ruleTokens.size() < 2 || comma.end() >= text.length()) {
            return;
        }
        char after = text.charAt(comma.end());
        if (after != '\r' && !(after == '\n' && source.crlfOnDisk())) {
            return;
        }
        SyntaxToken word = ruleTokens.get(ruleTokens.size() - 1);
        SyntaxToken before = ruleTokens.get(ruleTokens.size() - 2);
        boolean glued = word.end() == comma.start() && (word.kind() == TokenKind.WORD || word.kind() == TokenKind.KEYWORD);
        if (!glued || before.kind() == TokenKind.ASSIGN) {
            return;
        }
        int at = ruleKeyword(source, ruleTokens);
        if (at >= 0 && RULES_WITH_IDS_NOEQ.contains(source.tree().text(ruleTokens.get(at)))) {
            reporter.error("crlf-after-word", "apparmor_parser reads '" + source.tree().text(word) + ",' and the"
                    + " carriage return of this CRLF line as one word, so the rule does not end here: put a blank"
                    + " before the ',' or save the file with LF line ends", comma.start(), comma.end());
        }
    }

    /** Where a rule's keyword is (the first keyword after its qualifiers), or -1 for a file rule without one. */
    private static int ruleKeyword(SourceFile source, List<SyntaxToken> tokens) {
        for (int i = 0; i < tokens.size(); i++) {
            SyntaxToken token = tokens.get(i);
            if (token.kind() == TokenKind.KEYWORD && !QUALIFIERS.contains(source.tree().text(token))) {
                return i;
            }
        }
        return -1;
    }

    /** Adds a rule to its profile, checking it against the profile's earlier rules. */
    private void addRule(Scope scope, Rule rule, SourceFile source, SyntaxNode node, int end, Reporter reporter) {
        if (scope.captured != null) {
            scope.captured.add(new CachedInclude.Origin(rule, source, node, end));
            return;
        }
        if (rule instanceof FileRule file && file.exec() != null && !file.qualifiers().deny() && file.exec().target() != 'x') {
            checkExecModes(scope, file, source, node, end, reporter);
        }
        if (rule instanceof ChangeProfileRule change && change.exec() != null) {
            checkChangeProfileSafety(scope, change, source, node, end, reporter);
        }
        scope.rules.add(rule);
    }

    /**
     * A change_profile rule with a program against the profile's earlier ones: the same program and
     * target, or patterns of both that meet, one safe and one unsafe.
     */
    private void checkChangeProfileSafety(Scope scope, ChangeProfileRule change, SourceFile source, SyntaxNode node,
            int end, Reporter reporter) {
        // Rules of the same text merge, deny rules with deny rules only (measured against 3.0.8);
        // a deny rule's safety meets no pattern's.
        boolean deny = change.qualifiers().deny();
        String safety = ExecModeClashes.safety(change);
        List<String> programs = expandedPaths(change.exec());
        List<String> targets = expandedPaths(change.target());
        String key = (deny ? "deny " : "") + asExpanded(change.exec(), programs) + " -> "
                + asExpanded(change.target(), targets);
        WrittenSafety previous = scope.changeProfileSafety.putIfAbsent(key, new WrittenSafety(safety, source, node));
        if (previous != null && !previous.safety().equals(safety)) {
            reporter.error("conflicting-exec-modes", "'" + change.exec() + "' is already " + (deny ? "denied" : "allowed")
                    + " as " + previous.safety() + " in this profile; use one of safe and unsafe", node.start(), end,
                    ChangeProfileSafetyEdits.fixes(source, node, previous.source(), previous.node()));
            return;
        }
        if (deny) {
            return;
        }
        if (programs != null && (change.target() == null || targets != null)) {
            scope.execClashes.addChangeProfile(change, programs, change.target() == null ? List.of() : targets, source,
                    node)
                    .ifPresent(clash -> reporter.error("conflicting-exec-modes", clash.message(), node.start(), end,
                            ChangeProfileSafetyEdits.fixes(source, node, clash.earlierSource(), clash.earlierNode())));
        }
    }

    /**
     * An allowing exec rule against the profile's earlier ones: the same path with another exec
     * mode, or a pattern that meets another's with another mode ({@link ExecModeClashes}).
     */
    private void checkExecModes(Scope scope, FileRule file, SourceFile source, SyntaxNode node, int end, Reporter reporter) {
        // Rules of different priority do not merge, so only equal priorities can conflict; nor
        // do owner and other rules, which apply to different files (a plain rule, to both).
        WrittenRule previous = null;
        String owner = file.qualifiers().owner();
        for (String files : owner == null ? List.of("owner", "other") : List.of(owner.equals("other") ? "other" : "owner")) {
            String key = file.qualifiers().priority() + " " + files + " " + file.path();
            WrittenRule before = scope.execs.putIfAbsent(key, new WrittenRule(file, source, node));
            if (before != null && previous == null && !ExecModeClashes.sameTransition(before.rule(), file)) {
                previous = before;
            }
        }
        boolean conflict = previous != null;
        if (conflict && buildAlternative(source, node)) {
            reporter.report(Severity.INFO, "build-alternative", "'" + file.path() + "' has per-build alternatives "
                    + "('#aa:only' / '#aa:exclude'); the first one is used here", node.start(), end);
        } else if (conflict) {
            reporter.error("conflicting-exec-modes", "'" + file.path() + "' already has exec mode '"
                    + previous.rule().exec().text() + "' in this profile; give one exec mode per path", node.start(), end,
                    ExecTransitionEdits.fixes(source, node, previous.source(), previous.node()));
        }
        List<String> paths = expandedPaths(file.path());
        if (paths != null) {
            scope.execClashes.add(file, paths, source, node).ifPresent(clash -> {
                if (buildAlternative(source, node) || buildAlternative(clash.earlierSource(), clash.earlierNode())) {
                    reporter.report(Severity.INFO, "build-alternative", clash.message() + "; one of the two has"
                            + " per-build alternatives ('#aa:only' / '#aa:exclude'), so they may never meet in one build",
                            node.start(), end);
                } else {
                    reporter.error("conflicting-exec-modes", clash.message(), node.start(), end,
                            ExecTransitionEdits.fixes(source, node, clash.earlierSource(), clash.earlierNode()));
                }
            });
        }
    }

    /**
     * Text as apparmor_parser holds it after expanding its variables ({@code all}, from
     * {@link #expandedPaths}), where rules of the same text are merged: a variable of several values
     * becomes an alternation ({@code {a,b}}). The text as written when that is not known.
     */
    private static String asExpanded(String text, List<String> all) {
        if (all == null || all.size() == 1) {
            return all == null ? String.valueOf(text) : all.get(0);
        }
        return "{" + String.join(",", all) + "}";
    }

    /**
     * Every path {@code path} stands for once its variables are expanded, or null when that is not
     * known: an undefined variable (reported on its own) or more alternatives than are enumerated.
     */
    private List<String> expandedPaths(String path) {
        if (path == null || !variables.hasReference(path)) {
            return path == null ? null : List.of(path);
        }
        try {
            List<String> paths = variables.expand(path, MAX_EXEC_ALTERNATIVES + 1);
            return paths.size() > MAX_EXEC_ALTERNATIVES ? null : paths;
        } catch (Variables.ExpansionError e) {
            return null;
        }
    }

    private static boolean isVariableName(String name) {
        if (name.isEmpty() || !Character.isLetter(name.charAt(0))) {
            return false;
        }
        for (int i = 1; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!Character.isLetterOrDigit(c) && c != '_') {
                return false;
            }
        }
        return true;
    }

    /** Where a definition stands, to tell a re-read of the same line from a second definition. */
    private record Site(SourceFile source, int offset) {
    }

    /** The assignment's line ends in an apparmor.d {@code #aa:only} build directive. */
    private static boolean buildAlternative(SourceFile source, SyntaxNode node) {
        for (SyntaxElement child : node.children()) {
            if (child instanceof SyntaxToken token && token.kind() == TokenKind.COMMENT
                    && source.tree().text(token).startsWith("#aa:only")) {
                return true;
            }
        }
        String text = source.text();
        int lineEnd = text.indexOf('\n', node.end());
        String rest = text.substring(node.end(), lineEnd < 0 ? text.length() : lineEnd).strip();
        if (rest.startsWith("#aa:only") || rest.startsWith("#aa:exclude")) {
            return true;
        }
        // A directive line heads the block of lines up to the next blank line.
        int end = text.lastIndexOf('\n', node.start() - 1);
        while (end > 0) {
            int start = text.lastIndexOf('\n', end - 1) + 1;
            String line = text.substring(start, end).strip();
            if (line.isEmpty()) {
                return false;
            }
            if (line.startsWith("#aa:only") || line.startsWith("#aa:exclude")) {
                return true;
            }
            end = start - 1;
        }
        return false;
    }

    /** A profile's identity: namespace and name ({@code ::/x} and {@code :/x} are in the root namespace). */
    private static String profileKey(String name) {
        if (!name.startsWith(":")) {
            return ":" + name;
        }
        int close = name.indexOf(':', 1);
        if (close < 0) {
            return name;
        }
        String rest = name.substring(close + 1);
        if (rest.startsWith("//")) {
            rest = rest.substring(2);
        }
        return name.substring(1, close) + ":" + rest;
    }

    /**
     * Reads an include inside a profile through the shared cache. Returns false when the include
     * must be read in place instead (its files overlap what the profile already read, or it
     * declares hats or child profiles).
     */
    private boolean readThroughCache(Path key, SourceFile included, Scope scope, Qualifiers qualifiers, Set<Path> seen) {
        PolicySources.IncludeKey cacheKey = new PolicySources.IncludeKey(key, qualifiers);
        CachedInclude cached = sources.cachedInclude(cacheKey, variables);
        if (cached == null) {
            int diagnosticsBefore = diagnostics.size();
            variables.dependencies = new HashMap<>();
            Scope capture = new Scope(scope.name, scope.header, scope.hat);
            capture.captured = new ArrayList<>();
            capture.includes.add(key);
            includeStack.push(key);
            items(included, included.tree().root(), capture, qualifiers, null);
            includeStack.pop();
            Map<String, Object> dependencies = variables.dependencies;
            variables.dependencies = null;
            List<Diagnostic> found = new ArrayList<>(diagnostics.subList(diagnosticsBefore, diagnostics.size()));
            diagnostics.subList(diagnosticsBefore, diagnostics.size()).clear();
            if (!capture.children.isEmpty()) {
                return false;
            }
            cached = new CachedInclude(List.copyOf(capture.captured), List.copyOf(found), Set.copyOf(capture.includes),
                    Map.copyOf(dependencies));
            sources.cacheInclude(cacheKey, cached);
        }
        for (Path file : cached.closure()) {
            if (!file.equals(key) && (seen.contains(file) || includeStack.contains(file))) {
                return false;
            }
        }
        seen.addAll(cached.closure());
        diagnostics.addAll(cached.diagnostics());
        for (CachedInclude.Origin origin : cached.rules()) {
            addRule(scope, origin.rule(), origin.source(), origin.node(), origin.end(), reporter(origin.source()));
        }
        return true;
    }

    private boolean restorePreamble(Path include) {
        PreambleSnapshot snapshot = sources.preamble(include);
        if (snapshot == null) {
            return false;
        }
        variables.sets.putAll(PreambleSnapshot.deepCopy(snapshot.sets()));
        variables.booleans.putAll(snapshot.booleans());
        variables.restoredFrom(snapshot.expansions());
        definitionSites.putAll(snapshot.sites());
        appliedAdditions.addAll(snapshot.additions());
        preambleIncludes.addAll(snapshot.includes());
        diagnostics.addAll(snapshot.diagnostics());
        return true;
    }

    /** The file name inside {@code <…>}, quotes, or as written. */
    private static String includeName(String raw) {
        String name = raw;
        if (raw.startsWith("<")) {
            name = raw.substring(1, raw.length() - 1).trim();
            if (name.startsWith("\"") && name.endsWith("\"") && name.length() >= 2) {
                name = ElementReader.unquote(name);
            }
        } else if (raw.startsWith("\"")) {
            name = ElementReader.unquote(raw);
        }
        return name;
    }

    private static String shorten(String text) {
        String line = text.strip();
        int newline = line.indexOf('\n');
        if (newline >= 0) {
            line = line.substring(0, newline);
        }
        return line.length() > 40 ? line.substring(0, 40) + "…" : line;
    }
}
