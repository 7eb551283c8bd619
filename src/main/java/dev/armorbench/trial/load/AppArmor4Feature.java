package dev.armorbench.trial.load;

import dev.armorbench.policy.syntax.SyntaxElement;
import dev.armorbench.policy.syntax.SyntaxNode;
import dev.armorbench.policy.syntax.SyntaxToken;
import dev.armorbench.policy.syntax.TokenKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What AppArmor 4 added to the policy language that AppArmor 3's {@code apparmor_parser} refuses:
 * it stops at the first such place and loads none of the file. Each has a one-line probe, which
 * asks the installed parser whether it reads it, and a place in the text: a rule, a qualifier, a
 * profile flag. Network rules with permissions or addresses are the other such case; they have a
 * check of their own ({@link InstalledParserCheck#check}), since their fix rewrites the rule.
 */
public enum AppArmor4Feature {
    USERNS_RULE("userns", "userns rules", Place.RULE, "  userns,\n",
            "AppArmor 3 does not mediate user namespaces, so without the rule nothing changes here",
            "AppArmor 3 does not mediate user namespaces"),
    MQUEUE_RULE("mqueue", "mqueue rules", Place.RULE, "  mqueue,\n",
            "AppArmor 3 does not mediate message queues, so without the rule nothing changes here",
            "AppArmor 3 does not mediate message queues"),
    IO_URING_RULE("io_uring", "io_uring rules", Place.RULE, "  io_uring,\n",
            "AppArmor 3 does not mediate io_uring, so without the rule nothing changes here",
            "AppArmor 3 does not mediate io_uring"),
    ALL_RULE("all", "the rule 'all'", Place.RULE, "  all,\n",
            "AppArmor 3 has no rule for everything: write the rules the profile needs", null),
    PRIORITY("priority", "rule priorities (priority=N)", Place.RULE, "  priority=1 /armorbench-probe r,\n",
            "without it, AppArmor 3 weighs the rule as usual (a deny wins over an allow)",
            "AppArmor 3 has no rule priorities"),
    PROMPT_RULE("prompt", "the qualifier 'prompt'", Place.RULE, "  prompt /armorbench-probe r,\n",
            "AppArmor 3 cannot ask: write allow or deny", null),
    DEFAULT_ALLOW_FLAG("flag", "the profile flag 'default_allow'", Place.FLAG, "flags=(default_allow)",
            "AppArmor 3 has no allow-by-default mode: 'unconfined' is the nearest, or write the rules", null),
    PROMPT_FLAG("flag", "the profile flag 'prompt'", Place.FLAG, "flags=(prompt)",
            "AppArmor 3 cannot ask: learn the rules in 'complain' mode instead", null),
    DEBUG_FLAG("flag", "the profile flag 'debug'", Place.FLAG, "flags=(debug)",
            "it changes nothing that is allowed, so it can go", "it changes nothing that is allowed"),
    INTERRUPTIBLE_FLAG("flag", "the profile flag 'interruptible'", Place.FLAG, "flags=(interruptible)",
            "only prompting uses it, so it can go", "only prompting uses it"),
    ATTACH_DISCONNECTED_IPC_FLAG("flag", "the profile flag 'attach_disconnected.ipc'", Place.FLAG,
            "flags=(attach_disconnected.ipc)",
            "AppArmor 3 attaches disconnected IPC paths by 'attach_disconnected' alone, so it can go",
            "AppArmor 3 attaches disconnected IPC paths by 'attach_disconnected' alone"),
    ATTACH_DISCONNECTED_PATH_FLAG("flag", "the profile flag 'attach_disconnected.path='",
            Place.FLAG, "flags=(attach_disconnected.path=/armorbench-probe)",
            "AppArmor 3 writes 'attach_disconnected', which attaches them at /",
            "disconnected paths attach at /"),
    KILL_SIGNAL_FLAG("flag", "the profile flag 'kill.signal='", Place.FLAG, "flags=(kill.signal=hup)",
            "AppArmor 3 kills with SIGKILL, so it can go", "AppArmor 3 kills with SIGKILL"),
    ERROR_FLAG("flag", "the profile flag 'error='", Place.FLAG, "flags=(error=EPERM)",
            "AppArmor 3 returns EACCES on a denial, so it can go", "AppArmor 3 returns EACCES on a denial"),
    CONDITION_OPERATORS("condition", "'and', 'or', parentheses, 'true' and 'false' in conditions", Place.FILE,
            "$armorbench_probe = true\nprofile armorbench-probe {\n  if $armorbench_probe and $armorbench_probe {\n"
                    + "    /armorbench-probe r,\n  }\n}\n",
            "AppArmor 3 tests one variable, 'not' and 'defined' only: nest the ifs for 'and', write the block twice for 'or'",
            null),
    IF_UNSET_ASSIGNMENT("assign-if-unset", "the assignment '?='", Place.FILE,
            "@{armorbench_probe} ?= /armorbench-probe\nprofile armorbench-probe {\n}\n",
            "AppArmor 3 has no assignment if unset: write '=' where the variable is not defined yet, '+=' where it is",
            null),
    OVERRIDE_ASSIGNMENT("assign-override", "the assignment ':='", Place.FILE,
            "@{armorbench_probe} = /a\n@{armorbench_probe} := /b\nprofile armorbench-probe {\n}\n",
            "AppArmor 3 cannot define a variable again: change its first definition instead", null),
    PATH_VARIABLES("variable", "the variables @{exec_path} and @{attach_path}", Place.FILE,
            "profile armorbench-probe /armorbench-probe {\n  @{exec_path} r,\n}\n",
            "AppArmor 3 does not define them: write the profile's attachment in their place", null),
    KERNEL_ABI("abi", "'abi <kernel>'", Place.FILE, "abi <kernel>,\nprofile armorbench-probe {\n}\n",
            "AppArmor 3 has no abi of the running kernel: name an abi file", "AppArmor 3's own abi"),
    MOUNT_OPTIONS("mount-option", "the mount options symfollow, nosymfollow, lazytime, nolazytime and nostrictatime",
            Place.RULE, "  mount options=(lazytime) /armorbench-probe -> /armorbench-probe/,\n",
            "AppArmor 3 cannot match them: leave the option out, and the rule matches mounts without it", null),
    IDENTITIES("identities", "profile identities ('+ identities=(…)')", Place.FILE,
            "profile armorbench-probe + identities=(armorbench) {\n}\n",
            "AppArmor 3 has no identities: take them out of the header", null);

    /** The mount options AppArmor 4 added to the ones AppArmor 3 (3.0.8) reads. */
    private static final Set<String> NEWER_MOUNT_OPTIONS = Set.of("symfollow", "nosymfollow", "lazytime", "nolazytime",
            "nostrictatime");

    /** Qualifiers both versions read, which may stand before {@code priority=} or {@code prompt}'s neighbours. */
    private static final Set<String> OTHER_QUALIFIERS = Set.of("audit", "allow", "deny", "owner", "user", "other",
            "quiet", "kill", "complain");

    /** Where the probe puts the feature: in a profile's body, in its flags, or the probe is a whole file. */
    private enum Place { RULE, FLAG, FILE }

    private final String codePrefix;
    private final String shown;
    private final Place place;
    private final String probePart;
    private final String advice;
    private final String fixReason;

    /**
     * {@code advice}: what to do under AppArmor 3, for messages; {@code fixReason}: why the quick
     * fix keeps the profile's meaning there, for its title, or null when no edit does.
     */
    AppArmor4Feature(String codePrefix, String shown, Place place, String probePart, String advice, String fixReason) {
        this.codePrefix = codePrefix;
        this.shown = shown;
        this.place = place;
        this.probePart = probePart;
        this.advice = advice;
        this.fixReason = fixReason;
    }

    /** The warning's code: {@code userns-needs-apparmor-4}; every flag shares {@code flag-needs-apparmor-4}. */
    public String code() {
        return codePrefix + "-needs-apparmor-4";
    }

    /** How a message names it: "userns rules", "the profile flag 'debug'". */
    public String shown() {
        return shown;
    }

    /** What to do about it under AppArmor 3, as the end of a sentence. */
    public String advice() {
        return advice;
    }

    /** Why the quick fix keeps the profile's meaning under AppArmor 3, for its title; null when there is no fix. */
    String fixReason() {
        return fixReason;
    }

    boolean isFlag() {
        return place == Place.FLAG;
    }

    /** A profile that uses this and nothing else AppArmor 3 lacks: the parser compiles it or not. */
    String probe() {
        return switch (place) {
            case FLAG -> "profile armorbench-probe " + probePart + " {\n}\n";
            case RULE -> "profile armorbench-probe {\n" + probePart + "}\n";
            case FILE -> probePart;
        };
    }

    /** The flag's name as written ({@code default_allow}, {@code error}); null for what is not a flag. */
    String flagName() {
        if (!isFlag()) {
            return null;
        }
        String flag = probePart.substring("flags=(".length(), probePart.length() - 1);
        int equals = flag.indexOf('=');
        return equals < 0 ? flag : flag.substring(0, equals);
    }

    /** One place of {@code feature} in a text: {@code text[start, end)}. */
    public record Use(AppArmor4Feature feature, int start, int end) {}

    /**
     * Every place of the tree under {@code root} that uses one of these, in the order of the text:
     * the rule for a rule kind, {@code priority=N} and {@code prompt} where they qualify a rule or
     * a block, the flag (with its value) in a profile's or hat's {@code flags=(…)}, a condition,
     * an assignment's operator, {@code <kernel>}, a header's identities, and {@code @{exec_path}}
     * or {@code @{attach_path}} where the policy itself does not define it ({@code userVariables}:
     * the names the text and its includes define).
     */
    public static List<Use> find(SyntaxNode root, String text, Set<String> userVariables) {
        List<Use> uses = new ArrayList<>();
        collect(root, text, userVariables, uses);
        return uses;
    }

    private static void collect(SyntaxNode node, String text, Set<String> userVariables, List<Use> uses) {
        switch (node.kind()) {
            case RULE -> {
                rule(node, text, uses);
                pathVariables(node.significantTokens(), text, userVariables, uses);
            }
            case QUALIFIER_BLOCK -> qualifiers(node.significantTokens(), text, uses);
            case PROFILE -> {
                identities(node.significantTokens(), text, uses);
                flags(node.significantTokens(), text, uses);
                pathVariables(node.significantTokens(), text, userVariables, uses);
            }
            case CONDITION -> condition(node, text, uses);
            case VARIABLE_ASSIGNMENT, BOOL_ASSIGNMENT -> assignment(node.significantTokens(), text, uses);
            case ABI -> node.significantTokens().stream().filter(token -> word(token, text).equals("<kernel>"))
                    .forEach(token -> uses.add(new Use(KERNEL_ABI, token.start(), token.end())));
            default -> {
            }
        }
        for (SyntaxElement child : node.children()) {
            if (child instanceof SyntaxNode inner) {
                collect(inner, text, userVariables, uses);
            }
        }
    }

    /** A condition with what AppArmor 3 does not read: 'and', 'or', parentheses, 'true', 'false'. */
    private static void condition(SyntaxNode condition, String text, List<Use> uses) {
        List<SyntaxToken> tokens = condition.significantTokens();
        for (SyntaxToken token : tokens) {
            String word = word(token, text);
            if (token.kind() == TokenKind.L_PAREN || word.equals("and") || word.equals("or") || word.equals("true")
                    || word.equals("false")) {
                // The condition's own text, without the spaces around it.
                uses.add(new Use(CONDITION_OPERATORS, tokens.get(0).start(), tokens.get(tokens.size() - 1).end()));
                return;
            }
        }
    }

    private static void assignment(List<SyntaxToken> tokens, String text, List<Use> uses) {
        for (SyntaxToken token : tokens) {
            if (token.kind() == TokenKind.ASSIGN) {
                String operator = word(token, text);
                if (operator.equals("?=")) {
                    uses.add(new Use(IF_UNSET_ASSIGNMENT, token.start(), token.end()));
                } else if (operator.equals(":=")) {
                    uses.add(new Use(OVERRIDE_ASSIGNMENT, token.start(), token.end()));
                }
                return;
            }
        }
    }

    /** {@code + identities=( … )} in a profile header, from the '+' to the closing parenthesis. */
    private static void identities(List<SyntaxToken> header, String text, List<Use> uses) {
        for (int i = 0; i + 1 < header.size(); i++) {
            if (word(header.get(i), text).equals("+") && word(header.get(i + 1), text).equals("identities")) {
                int end = header.get(i + 1).end();
                for (int j = i + 2; j < header.size(); j++) {
                    if (header.get(j).kind() == TokenKind.R_PAREN) {
                        end = header.get(j).end();
                        break;
                    }
                }
                uses.add(new Use(IDENTITIES, header.get(i).start(), end));
            }
        }
    }

    /** {@code @{exec_path}} and {@code @{attach_path}} in tokens, where the policy does not define them itself. */
    private static void pathVariables(List<SyntaxToken> tokens, String text, Set<String> userVariables, List<Use> uses) {
        for (SyntaxToken token : tokens) {
            String word = word(token, text);
            for (String name : List.of("exec_path", "attach_path")) {
                int at = word.indexOf("@{" + name + "}");
                if (at >= 0 && !userVariables.contains(name)) {
                    uses.add(new Use(PATH_VARIABLES, token.start() + at, token.start() + at + name.length() + 3));
                }
            }
        }
    }

    private static void rule(SyntaxNode rule, String text, List<Use> uses) {
        List<SyntaxToken> tokens = rule.significantTokens();
        int first = qualifiers(tokens, text, uses);
        if (first < tokens.size() && Set.of("mount", "remount", "umount").contains(word(tokens.get(first), text))) {
            tokens.stream().skip(first + 1).filter(token -> NEWER_MOUNT_OPTIONS.contains(word(token, text)))
                    .forEach(token -> uses.add(new Use(MOUNT_OPTIONS, token.start(), token.end())));
        }
        if (first < tokens.size() && tokens.get(first).kind() == TokenKind.KEYWORD) {
            AppArmor4Feature kind = switch (word(tokens.get(first), text)) {
                case "userns" -> USERNS_RULE;
                case "mqueue" -> MQUEUE_RULE;
                case "io_uring" -> IO_URING_RULE;
                case "all" -> ALL_RULE;
                default -> null;
            };
            if (kind != null) {
                uses.add(new Use(kind, rule.start(), rule.end()));
            }
        }
    }

    /**
     * Adds the uses among the qualifiers at the start of {@code tokens} ({@code priority=N audit
     * prompt owner …}) and returns the index of the first token after them.
     */
    private static int qualifiers(List<SyntaxToken> tokens, String text, List<Use> uses) {
        int i = 0;
        while (i < tokens.size() && tokens.get(i).kind() == TokenKind.KEYWORD) {
            SyntaxToken token = tokens.get(i);
            String word = word(token, text);
            if (word.equals("priority") && i + 2 < tokens.size() && tokens.get(i + 1).kind() == TokenKind.ASSIGN) {
                uses.add(new Use(PRIORITY, token.start(), tokens.get(i + 2).end()));
                i += 3;
            } else if (word.equals("prompt")) {
                uses.add(new Use(PROMPT_RULE, token.start(), token.end()));
                i++;
            } else if (OTHER_QUALIFIERS.contains(word)) {
                i++;
            } else {
                break;
            }
        }
        return i;
    }

    /**
     * The flags of a profile header: the words inside {@code flags=( … )}, or inside the bare
     * {@code ( … )} of the old form ({@code /usr/bin/foo (complain) {}}).
     */
    private static void flags(List<SyntaxToken> header, String text, List<Use> uses) {
        int open = -1;
        for (int i = 0; i < header.size() && open < 0; i++) {
            if (header.get(i).kind() != TokenKind.L_PAREN) {
                continue;
            }
            boolean afterFlagsKeyword = i >= 2 && header.get(i - 1).kind() == TokenKind.ASSIGN
                    && word(header.get(i - 2), text).equals("flags");
            boolean bare = i >= 1 && header.get(i - 1).kind() != TokenKind.ASSIGN;
            if (afterFlagsKeyword || bare) {
                open = i + 1;
            }
        }
        if (open < 0) {
            return;
        }
        for (int i = open; i < header.size() && header.get(i).kind() != TokenKind.R_PAREN; i++) {
            SyntaxToken token = header.get(i);
            // Some flags are keywords of the lexer too (prompt, kill, audit).
            if (token.kind() != TokenKind.WORD && token.kind() != TokenKind.KEYWORD) {
                continue;
            }
            AppArmor4Feature flag = flagNamed(word(token, text));
            if (flag == null) {
                continue;
            }
            int end = token.end();
            if (i + 2 < header.size() && header.get(i + 1).kind() == TokenKind.ASSIGN
                    && header.get(i + 2).kind() == TokenKind.WORD) {
                end = header.get(i + 2).end();
                i += 2;
            }
            uses.add(new Use(flag, token.start(), end));
        }
    }

    private static AppArmor4Feature flagNamed(String word) {
        for (AppArmor4Feature feature : values()) {
            if (word.equals(feature.flagName())) {
                return feature;
            }
        }
        return null;
    }

    private static String word(SyntaxToken token, String text) {
        return text.substring(token.start(), token.end());
    }

    /** The feature whose warnings carry {@code code} and whose use is {@code used}; null if none. */
    static AppArmor4Feature of(String code, String used) {
        for (AppArmor4Feature feature : values()) {
            if (!feature.code().equals(code)) {
                continue;
            }
            if (!feature.isFlag()) {
                return feature;
            }
            int equals = used.indexOf('=');
            if (feature.flagName().equals(equals < 0 ? used.strip() : used.substring(0, equals).strip())) {
                return feature;
            }
        }
        return null;
    }
}
