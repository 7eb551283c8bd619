package dev.armorbench.policy.check;

import dev.armorbench.policy.aare.AarePattern;
import dev.armorbench.policy.aare.AareSyntaxException;
import dev.armorbench.policy.aare.AareTokenText;
import dev.armorbench.policy.model.ChangeProfileRule;
import dev.armorbench.policy.model.ExecMode;
import dev.armorbench.policy.model.FileRule;
import dev.armorbench.policy.syntax.SyntaxNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The exec rules of one profile, to find two whose patterns meet with different exec modes.
 *
 * <p>apparmor_parser merges the exec permissions of every rule that matches a path; when they name
 * two transitions it refuses the profile ("profile has merged rule with conflicting x modifiers").
 * What it does, as measured against 3.0.8: a rule whose pattern has no {@code *}, {@code ?} or
 * {@code [} (an exact rule, alternations of plain text included) takes precedence over the
 * patterns for its paths, so only two exact rules or two patterns can clash; deny rules do not
 * settle a clash; {@code audit} does not matter; {@code owner} and {@code other} rules apply to
 * disjoint sets of files. Two rules with the same path text are the plain check's
 * ({@code PolicyReader}); this one takes the rest.
 *
 * <p>{@code change_profile} rules with a program clash the same way when one is {@code unsafe} and
 * the other not: the program and the target are matched together, so two rules clash where their
 * programs meet and their targets meet (no target is any target); a rule whose program and target
 * are both exact takes precedence over patterns.
 */
final class ExecModeClashes {
    /**
     * One exec rule: its expanded patterns, the paths they stand for when the rule is exact (null
     * when not, or when they are not spelt out), and where it was written.
     */
    private record Entry(FileRule rule, List<AarePattern> patterns, boolean exact, Set<String> exactPaths,
            SourceFile source, SyntaxNode node) implements Recorded {}

    /** A rule as recorded: whether it is exact decides which others it may clash with. */
    private interface Recorded {
        boolean exact();
    }

    /** At most this many paths are spelt out for an exact rule; beyond, its automata are compared. */
    private static final int MAX_EXACT_PATHS = 256;

    /** One change_profile rule with a program: its expanded programs and targets, and where it was written. */
    private record ChangeEntry(ChangeProfileRule rule, List<AarePattern> programs, List<AarePattern> targets,
            boolean exact, SourceFile source, SyntaxNode node) implements Recorded {}

    /** What to tell the user about a clash, and where the earlier of the two rules is. */
    record Clash(String message, SourceFile earlierSource, SyntaxNode earlierNode) {}

    /**
     * The rules so far, grouped by exactness and transition: rules of one group cannot clash, so
     * a profile of hundreds of {@code ix} rules costs one comparison per group, not per rule.
     */
    private final Map<String, List<Entry>> groups = new LinkedHashMap<>();

    /** The change_profile rules so far, grouped by exactness and safety as {@link #groups} are. */
    private final Map<String, List<ChangeEntry>> changeGroups = new LinkedHashMap<>();

    /** A pair of patterns, to remember what the product walk found for it. */
    private record PatternPair(AarePattern a, AarePattern b) {}

    private static final int EXAMPLE_CACHE_LIMIT = 20_000;
    /**
     * What {@link AarePattern#commonExample} answered for a pair: the editor re-reads a profile on
     * every edit, and the walk over two automata is the costly part of this check.
     */
    private static final ConcurrentHashMap<PatternPair, Optional<String>> EXAMPLES = new ConcurrentHashMap<>();

    /**
     * Records an allowing exec rule whose path expands to {@code paths} (quoted or not), and
     * returns its clash with one recorded before, or empty. A path that does not compile is left
     * out: its glob error is reported on its own. So is a rule with a priority: how AppArmor 4
     * merges rules of one priority under a rule of a higher one is not measured here, and a clash
     * reported where there is none would be worse than one missed.
     */
    Optional<Clash> add(FileRule rule, List<String> paths, SourceFile source, SyntaxNode node) {
        if (rule.qualifiers().priority() != null) {
            return Optional.empty();
        }
        List<AarePattern> patterns = new ArrayList<>(paths.size());
        boolean exact = true;
        Set<String> exactPaths = new LinkedHashSet<>();
        for (String path : paths) {
            String aare = AareTokenText.unquoteIfQuoted(path);
            if (!aare.startsWith("/")) {
                return Optional.empty(); // a relative path or an attachment name: not a file the exec table holds
            }
            try {
                patterns.add(AarePattern.compilePath(aare));
            } catch (AareSyntaxException e) {
                return Optional.empty();
            }
            exact &= !hasGlob(aare);
            Set<String> spelt = exact && exactPaths != null ? ExactPaths.of(aare, MAX_EXACT_PATHS) : null;
            if (spelt == null || exactPaths.size() + spelt.size() > MAX_EXACT_PATHS) {
                exactPaths = null;
            } else {
                exactPaths.addAll(spelt);
            }
        }
        Entry added = new Entry(rule, List.copyOf(patterns), exact, exact ? exactPaths : null, source, node);
        return record(groups, exact + " " + transition(rule), added, earlier -> clash(earlier, added));
    }

    /**
     * Adds {@code added} to its group and returns its first clash with a rule of another group of
     * the same exactness (rules of one group cannot clash; an exact rule takes precedence over
     * patterns).
     */
    private static <E extends Recorded> Optional<Clash> record(Map<String, List<E>> groups, String group, E added,
            Function<E, Optional<Clash>> clashWith) {
        Optional<Clash> clash = Optional.empty();
        for (Map.Entry<String, List<E>> other : groups.entrySet()) {
            if (other.getKey().equals(group) || other.getValue().get(0).exact() != added.exact()) {
                continue;
            }
            for (E earlier : other.getValue()) {
                clash = clashWith.apply(earlier);
                if (clash.isPresent()) {
                    break;
                }
            }
            if (clash.isPresent()) {
                break;
            }
        }
        groups.computeIfAbsent(group, key -> new ArrayList<>()).add(added);
        return clash;
    }

    /**
     * Records an allowing change_profile rule whose program expands to {@code programs} and target
     * to {@code targets} (empty for none: any target), and returns its clash with one recorded
     * before, or empty. Left out as {@link #add} leaves rules out.
     */
    Optional<Clash> addChangeProfile(ChangeProfileRule rule, List<String> programs, List<String> targets,
            SourceFile source, SyntaxNode node) {
        if (rule.qualifiers().priority() != null) {
            return Optional.empty();
        }
        List<AarePattern> programPatterns = new ArrayList<>(programs.size());
        List<AarePattern> targetPatterns = new ArrayList<>(Math.max(1, targets.size()));
        boolean exact = !targets.isEmpty();
        try {
            for (String program : programs) {
                String aare = AareTokenText.unquoteIfQuoted(program);
                programPatterns.add(AarePattern.compilePath(aare));
                exact &= !hasGlob(aare);
            }
            for (String target : targets.isEmpty() ? List.of("**") : targets) {
                String aare = AareTokenText.unquoteIfQuoted(target);
                targetPatterns.add(AarePattern.compile(aare));
                exact &= !hasGlob(aare);
            }
        } catch (AareSyntaxException e) {
            return Optional.empty();
        }
        ChangeEntry added = new ChangeEntry(rule, List.copyOf(programPatterns), List.copyOf(targetPatterns), exact, source,
                node);
        return record(changeGroups, exact + " " + safety(rule), added, earlier -> changeClash(earlier, added));
    }

    /** {@code safe} unless written {@code unsafe}: apparmor_parser's default for a change_profile with a program. */
    static String safety(ChangeProfileRule rule) {
        return rule.execMode() == null ? "safe" : rule.execMode();
    }

    private static Optional<Clash> changeClash(ChangeEntry earlier, ChangeEntry added) {
        ChangeProfileRule a = earlier.rule;
        ChangeProfileRule b = added.rule;
        if (a.exec().equals(b.exec()) && Objects.equals(a.target(), b.target())) {
            return Optional.empty(); // the plain check's
        }
        Optional<String> program = firstCommon(added.programs, earlier.programs);
        if (program.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> target = firstCommon(added.targets, earlier.targets);
        if (target.isEmpty()) {
            return Optional.empty();
        }
        String message = "'" + b.canonical() + "' and '" + a.canonical() + "' (" + where(earlier.source, earlier.node,
                added.source) + ") both allow '" + program.get() + "' to change to '" + target.get() + "', one "
                + safety(b) + " and one " + safety(a) + ", and apparmor_parser refuses that: give them the same one of"
                + " safe and unsafe, or narrow a pattern (a rule whose program and target are exact takes precedence)";
        return Optional.of(new Clash(message, earlier.source, earlier.node));
    }

    private static Optional<String> firstCommon(List<AarePattern> mine, List<AarePattern> theirs) {
        for (AarePattern a : mine) {
            for (AarePattern b : theirs) {
                Optional<String> example = commonExample(a, b);
                if (example.isPresent()) {
                    return example;
                }
            }
        }
        return Optional.empty();
    }

    /** Where the earlier rule is, as a message to the added rule's file names it: "line 8", or "FILE, line 8". */
    static String where(SourceFile earlierSource, SyntaxNode earlierNode, SourceFile addedSource) {
        int line = earlierSource.line(earlierNode.start());
        return earlierSource == addedSource ? "line " + line : earlierSource.path().getFileName() + ", line " + line;
    }

    private static Optional<String> commonExample(AarePattern a, AarePattern b) {
        PatternPair pair = new PatternPair(a, b);
        Optional<String> known = EXAMPLES.get(pair);
        if (known != null) {
            return known;
        }
        Optional<String> example = a.commonExample(b);
        if (EXAMPLES.size() >= EXAMPLE_CACHE_LIMIT) {
            EXAMPLES.clear();
        }
        EXAMPLES.put(pair, example);
        return example;
    }

    private static Optional<Clash> clash(Entry earlier, Entry added) {
        FileRule a = earlier.rule;
        FileRule b = added.rule;
        if (a.path().equals(b.path()) || !sameFiles(a.qualifiers().owner(), b.qualifiers().owner())
                || sameTransition(a, b)) {
            return Optional.empty();
        }
        Optional<String> example = added.exactPaths != null && earlier.exactPaths != null
                ? commonPath(added.exactPaths, earlier.exactPaths)
                : firstCommon(added.patterns, earlier.patterns);
        return example.map(path -> new Clash(message(earlier, added, path), earlier.source, earlier.node));
    }

    private static Optional<String> commonPath(Set<String> mine, Set<String> theirs) {
        Set<String> small = mine.size() <= theirs.size() ? mine : theirs;
        Set<String> large = small == mine ? theirs : mine;
        return small.stream().filter(large::contains).findFirst();
    }

    private static String message(Entry earlier, Entry added, String example) {
        String where = where(earlier.source, earlier.node, added.source);
        return "'" + added.rule.path() + "' " + transition(added.rule) + " and '" + earlier.rule.path() + "' "
                + transition(earlier.rule) + " (" + where + ") both match '" + example + "', and apparmor_parser"
                + " refuses two exec modes for one path: give them one mode or narrow a pattern (a rule for an"
                + " exact path takes precedence over both)";
    }

    private static String transition(FileRule rule) {
        return rule.exec().text() + (rule.target() == null ? "" : " -> " + rule.target());
    }

    /** Whether a pattern has a glob character that makes it no exact rule (escaped ones do not count). */
    static boolean hasGlob(String aare) {
        for (int i = 0; i < aare.length(); i++) {
            char c = aare.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '*' || c == '?' || c == '[') {
                return true;
            }
        }
        return false;
    }

    /** owner/user rules and other rules never apply to the same file; a rule with neither applies to all. */
    private static boolean sameFiles(String ownerA, String ownerB) {
        if (ownerA == null || ownerB == null) {
            return true;
        }
        return ownerA.equals("other") == ownerB.equals("other");
    }

    /**
     * Whether two rules name the same transition: the same mode and target, or {@code cx -> T}
     * and a {@code px}-like rule to the child {@code …//T}, which the parser merges as one.
     */
    static boolean sameTransition(FileRule a, FileRule b) {
        return a.exec().equals(b.exec()) && Objects.equals(a.target(), b.target())
                || childAndNamed(a, b) || childAndNamed(b, a);
    }

    private static boolean childAndNamed(FileRule child, FileRule named) {
        ExecMode x = child.exec();
        ExecMode y = named.exec();
        return x.target() == 'c' && y.target() == 'p' && x.fallback() == y.fallback() && x.scrub() == y.scrub()
                && child.target() != null && named.target() != null && named.target().endsWith("//" + child.target());
    }
}
