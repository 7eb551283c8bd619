package dev.armorbench.ui.editor;

import dev.armorbench.policy.syntax.TextEdit;
import dev.armorbench.policy.syntax.TextLines;
import java.util.List;

/** Quick fixes for the policy engine's own diagnostic codes. */
final class LanguageFixes {
    private LanguageFixes() {
    }

    static void registerAll(QuickFixRegistry registry) {
        registry.register("missing-comma", LanguageFixes::addComma)
                .register("deprecated-hash-include", LanguageFixes::hashInclude)
                .register("unknown-capability", (problem, text) -> nearestName(problem, text,
                        AppArmorVocabulary.CAPABILITIES, "capability"))
                .register("unknown-flag", (problem, text) -> nearestName(problem, text,
                        AppArmorVocabulary.PROFILE_FLAGS.stream().filter(flag -> !flag.endsWith("=")).toList(), "flag"))
                .register("unexpected-token", LanguageFixes::commaBeforeUnexpected)
                .register("variable-trailing-comma", LanguageFixes::removeComma)
                .register("mount-options-list", LanguageFixes::parenthesize)
                .register("arrow-without-space", LanguageFixes::spaceAfterArrow)
                .register("arrow-in-mount-point", LanguageFixes::removeArrow)
                .register("target-without-transition", LanguageFixes::removeTarget)
                .register("permissions-glued-to-arrow", LanguageFixes::spaceBeforeArrow)
                .register("comment-in-rule", LanguageFixes::moveCommentAboveRule)
                .register("crlf-after-word", LanguageFixes::blankBeforeComma);
    }

    /** The diagnostic marks the rule's last token: the comma goes right after it. */
    private static List<FixProposal> addComma(Problem problem, String text) {
        if (problem.end() > text.length()) {
            return List.of();
        }
        return List.of(FixProposal.of("Add the missing ','", TextEdit.insert(problem.end(), ",")));
    }

    /**
     * A rule without its comma, followed by another rule: the engine marks the first token that does
     * not belong, and says so; the comma goes after the text before it.
     */
    private static List<FixProposal> commaBeforeUnexpected(Problem problem, String text) {
        if (!problem.message().startsWith("end the rule with ','") || problem.start() > text.length()) {
            return List.of();
        }
        int at = problem.start();
        while (at > 0 && Character.isWhitespace(text.charAt(at - 1))) {
            at--;
        }
        return at == 0 ? List.of() : List.of(FixProposal.of("Add the missing ','", TextEdit.insert(at, ",")));
    }

    private static List<FixProposal> hashInclude(Problem problem, String text) {
        if (!text.startsWith("#include", problem.start())) {
            return List.of();
        }
        return List.of(FixProposal.of("Replace '#include' with 'include'",
                new TextEdit(problem.start(), problem.start() + "#include".length(), "include")));
    }

    private static List<FixProposal> removeComma(Problem problem, String text) {
        if (problem.start() >= text.length() || text.charAt(problem.start()) != ',') {
            return List.of();
        }
        return List.of(FixProposal.of("Remove the ','", new TextEdit(problem.start(), problem.start() + 1, "")));
    }

    /** {@code ->/b} read as one word: the diagnostic marks the word, whose first two characters are the arrow. */
    private static List<FixProposal> spaceAfterArrow(Problem problem, String text) {
        if (problem.end() > text.length() || !text.startsWith("->", problem.start())) {
            return List.of();
        }
        return List.of(FixProposal.of("Put a space after '->'", TextEdit.insert(problem.start() + 2, " ")));
    }

    /**
     * A comment inside a multi-line rule, which the reference reads as part of the rule: moved, with
     * the rule's indentation, to the line above the rule. The rule starts after the nearest line
     * above that ends a statement (with ',', '{' or '}') or holds nothing but a comment.
     */
    private static List<FixProposal> moveCommentAboveRule(Problem problem, String text) {
        if (problem.end() > text.length() || !text.startsWith("#", problem.start())) {
            return List.of();
        }
        int commentLine = TextLines.lineStart(text, problem.start());
        int ruleLine = commentLine;
        while (ruleLine > 0) {
            int above = TextLines.lineStart(text, ruleLine - 1);
            String code = withoutComment(text.substring(above, ruleLine - 1)).strip();
            if (code.isEmpty() || code.endsWith(",") || code.endsWith("{") || code.endsWith("}")) {
                break;
            }
            ruleLine = above;
        }
        String comment = text.substring(problem.start(), problem.end());
        TextEdit removal;
        if (text.substring(commentLine, problem.start()).isBlank()) {
            removal = new TextEdit(commentLine, TextLines.nextLineStart(text, problem.end()), "");
        } else {
            int from = problem.start();
            while (from > commentLine && (text.charAt(from - 1) == ' ' || text.charAt(from - 1) == '\t')) {
                from--;
            }
            removal = new TextEdit(from, problem.end(), "");
        }
        TextEdit insertion = TextEdit.insert(ruleLine, TextLines.indentAt(text, ruleLine) + comment + "\n");
        return List.of(new FixProposal("Move the comment above the rule", List.of(insertion, removal)));
    }

    /** A line's code before a comment: a '#' at the line's start or after a blank starts one. */
    private static String withoutComment(String line) {
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == '#' && (i == 0 || line.charAt(i - 1) == ' ' || line.charAt(i - 1) == '\t')) {
                return line.substring(0, i);
            }
        }
        return line;
    }

    /** {@code signal send,} on a CRLF line: the diagnostic marks the ',', which a blank parts from the word. */
    private static List<FixProposal> blankBeforeComma(Problem problem, String text) {
        if (problem.end() > text.length() || !text.startsWith(",", problem.start())) {
            return List.of();
        }
        return List.of(FixProposal.of("Put a blank before ','", TextEdit.insert(problem.start(), " ")));
    }

    /** {@code /a px->b}: the diagnostic marks the permissions, which the arrow follows at once. */
    private static List<FixProposal> spaceBeforeArrow(Problem problem, String text) {
        if (problem.end() > text.length() || !text.startsWith("->", problem.end())) {
            return List.of();
        }
        return List.of(FixProposal.of("Put a space before '->'", TextEdit.insert(problem.end(), " ")));
    }

    /** {@code umount ->/b}: umount and remount take no arrow; the diagnostic marks the word. */
    private static List<FixProposal> removeArrow(Problem problem, String text) {
        if (problem.end() > text.length() || !text.startsWith("->", problem.start())) {
            return List.of();
        }
        return List.of(FixProposal.of("Remove '->'", new TextEdit(problem.start(), problem.start() + 2, "")));
    }

    /**
     * {@code /a r -> b,}: a target without an exec mode, which the parser drops. The diagnostic marks
     * {@code -> b}; it goes with the blanks before it.
     */
    private static List<FixProposal> removeTarget(Problem problem, String text) {
        if (problem.end() > text.length() || !text.startsWith("->", problem.start())) {
            return List.of();
        }
        int from = problem.start();
        while (from > 0 && (text.charAt(from - 1) == ' ' || text.charAt(from - 1) == '\t')) {
            from--;
        }
        String removed = text.substring(problem.start(), problem.end());
        return List.of(FixProposal.of("Remove '" + removed + "'", new TextEdit(from, problem.end(), "")));
    }

    /** {@code options=ro,noexec} → {@code options=(ro,noexec)}: the diagnostic marks the bare value. */
    private static List<FixProposal> parenthesize(Problem problem, String text) {
        if (problem.end() > text.length() || problem.end() <= problem.start()) {
            return List.of();
        }
        String value = text.substring(problem.start(), problem.end());
        return List.of(FixProposal.of("Write (" + value + ")",
                new TextEdit(problem.start(), problem.end(), "(" + value + ")")));
    }

    /** "Change to 'chown'" for the valid names nearest to the mistyped one. */
    private static List<FixProposal> nearestName(Problem problem, String text, List<String> names, String what) {
        if (problem.end() > text.length() || problem.end() <= problem.start()) {
            return List.of();
        }
        String written = text.substring(problem.start(), problem.end());
        if (written.contains("=") || written.contains("@{")) {
            return List.of();
        }
        return EditDistance.nearest(written, names, 3).stream()
                .map(name -> FixProposal.of("Change to " + what + " '" + name + "'",
                        new TextEdit(problem.start(), problem.end(), name)))
                .toList();
    }
}
