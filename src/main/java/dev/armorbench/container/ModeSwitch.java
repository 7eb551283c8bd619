package dev.armorbench.container;

import dev.armorbench.policy.syntax.SyntaxTree;
import dev.armorbench.policy.syntax.TextEdit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Puts the profiles of a text in complain or enforce mode by editing their {@code flags=(…)}, the
 * way a user would: other flags stay, only the mode word changes. Every profile, child profile and
 * hat of the text is switched, because a child does not inherit its parent's mode — a complain-mode
 * container whose child stays in enforce mode would deny there while learning elsewhere.
 *
 * <p>Complain adds {@code complain} (or {@code flags=(complain)} to a header without flags) and
 * replaces another mode word; enforce removes {@code complain} (and an emptied {@code flags=()}),
 * since enforce is what a profile without a mode flag does — apparmor_parser 3.0 has no
 * {@code enforce} flag.
 */
public final class ModeSwitch {
    /** Mode words that complain mode replaces; enforce removes only {@code complain}. */
    private static final Set<String> OTHER_MODES = Set.of("enforce", "kill", "unconfined", "prompt", "default_allow");

    private ModeSwitch() {
    }

    /** The edits that put every profile of {@code text} in {@code mode} ({@link ProfileMode#COMPLAIN} or {@link ProfileMode#ENFORCE}). */
    public static List<TextEdit> edits(String text, ProfileMode mode) {
        if (mode != ProfileMode.COMPLAIN && mode != ProfileMode.ENFORCE) {
            throw new IllegalArgumentException("a trial switches between complain and enforce, not " + mode.label());
        }
        List<TextEdit> edits = new ArrayList<>();
        for (ProfileSite site : ProfileSites.read(SyntaxTree.parse(text))) {
            collect(text, site, mode, edits);
        }
        return edits;
    }

    /** {@code text} with every profile in {@code mode}. */
    public static String apply(String text, ProfileMode mode) {
        return TextEdit.apply(text, edits(text, mode));
    }

    /**
     * The mode the first top-level profile of {@code text} declares: complain when its flags say so,
     * else enforce (also for {@code kill} and the others, which are enforcing modes or not trial modes).
     */
    public static ProfileMode modeOf(String text) {
        for (ProfileSite site : ProfileSites.read(SyntaxTree.parse(text))) {
            if (site.keyword() != null && site.keyword().equals("hat") || "^".equals(site.keyword())) {
                continue;
            }
            return site.flags() != null && site.flags().values().contains("complain") ? ProfileMode.COMPLAIN
                    : ProfileMode.ENFORCE;
        }
        return ProfileMode.ENFORCE;
    }

    private static void collect(String text, ProfileSite site, ProfileMode mode, List<TextEdit> edits) {
        ProfileSite.FlagsSite flags = site.flags();
        if (mode == ProfileMode.COMPLAIN) {
            complain(text, site, flags, edits);
        } else if (flags != null) {
            enforce(text, flags, edits);
        }
        for (ProfileSite child : site.children()) {
            collect(text, child, mode, edits);
        }
    }

    private static void complain(String text, ProfileSite site, ProfileSite.FlagsSite flags, List<TextEdit> edits) {
        if (flags == null) {
            edits.add(TextEdit.insert(site.headerEnd(), " flags=(complain)"));
            return;
        }
        List<Word> words = words(text, flags);
        if (words.stream().anyMatch(word -> word.text.equals("complain"))) {
            return;
        }
        for (Word word : words) {
            if (OTHER_MODES.contains(word.text)) {
                edits.add(new TextEdit(word.start, word.end, "complain"));
                return;
            }
        }
        if (words.isEmpty()) {
            edits.add(TextEdit.insert(flags.closeParen(), "complain"));
            return;
        }
        Word last = words.get(words.size() - 1);
        String between = text.substring(openParen(text, flags) + 1, flags.closeParen());
        edits.add(TextEdit.insert(last.end, between.contains(",") ? ",complain" : " complain"));
    }

    private static void enforce(String text, ProfileSite.FlagsSite flags, List<TextEdit> edits) {
        List<Word> words = words(text, flags);
        List<Word> kept = words.stream().filter(word -> !word.text.equals("complain")).toList();
        if (kept.size() == words.size()) {
            return;
        }
        if (kept.isEmpty()) {
            // The whole flags=(complain) part goes, with the blank before it.
            int start = flags.range().start();
            while (start > 0 && (text.charAt(start - 1) == ' ' || text.charAt(start - 1) == '\t')) {
                start--;
            }
            edits.add(TextEdit.delete(start, flags.range().end()));
            return;
        }
        for (int i = 0; i < words.size(); i++) {
            Word word = words.get(i);
            if (!word.text.equals("complain")) {
                continue;
            }
            // With the separator after it, or before it when it is the last word.
            int start = word.start;
            int end = word.end;
            if (i + 1 < words.size()) {
                end = words.get(i + 1).start;
            } else {
                start = words.get(i - 1).end;
            }
            edits.add(TextEdit.delete(start, end));
        }
    }

    /** A flag word as written, with its offsets. */
    private record Word(String text, int start, int end) {
    }

    private static int openParen(String text, ProfileSite.FlagsSite flags) {
        return text.indexOf('(', flags.range().start());
    }

    /** The words between the parentheses, split at blanks and commas. */
    private static List<Word> words(String text, ProfileSite.FlagsSite flags) {
        List<Word> words = new ArrayList<>();
        int i = openParen(text, flags) + 1;
        int end = flags.closeParen();
        while (i < end) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || c == ',') {
                i++;
                continue;
            }
            int start = i;
            while (i < end && !Character.isWhitespace(text.charAt(i)) && text.charAt(i) != ',') {
                i++;
            }
            words.add(new Word(text.substring(start, i), start, i));
        }
        return words;
    }
}
