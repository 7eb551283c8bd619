package dev.armorbench.policy.aare;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An AppArmor AARE glob, compiled the way {@code apparmor_parser} compiles it, to a DFA over
 * the path's bytes (UTF-8).
 *
 * <p>Syntax: {@code *} any characters within a path segment (not {@code /}), {@code **} any
 * characters including {@code /}, {@code ?} one character other than {@code /}, {@code [abc]},
 * {@code [a-z]}, {@code [^...]}, nestable {@code {a,b,c}} with empty alternatives allowed
 * ({@code {,x}}), and backslash escapes ({@code \*}, {@code \{}, {@code \\}, octal {@code \101},
 * {@code \x41}, {@code \d65}, {@code \n} ...). A {@code *} or {@code **} that is a whole path segment
 * matches at least one character: {@code /tmp/*} and {@code /tmp/**} do not match {@code /tmp/}.
 * A trailing {@code /} is an ordinary character; the kernel appends it to directory names, which is
 * why {@code /tmp/} means the directory. See {@code docs/aare.md} for what was checked against the
 * reference.
 *
 * <p>Variables ({@code @{HOME}}) must be expanded before compiling — see {@link AareVariables}.
 *
 * <p>Instances are immutable and thread-safe; {@link #compile} and {@link #compilePath} cache them.
 */
public final class AarePattern {

    /** Subset construction stops here; such patterns still match (slower) but never claim coverage. */
    static final int MAX_DFA_STATES = 4096;
    private static final int CACHE_LIMIT = 50_000;
    private static final ConcurrentHashMap<String, AarePattern> PLAIN_CACHE = new ConcurrentHashMap<>();
    private static final ConcurrentHashMap<String, AarePattern> PATH_CACHE = new ConcurrentHashMap<>();

    private final String text;
    private final boolean pathMode;
    private final List<AareProblem> warnings;
    /** Null when the DFA would exceed {@link #MAX_DFA_STATES}; {@link #automaton} then matches. */
    private final Dfa dfa;
    private final PositionAutomaton automaton;
    private final byte[] prefixBytes;
    private final boolean literal;
    private final String prefix;

    private AarePattern(String text, boolean pathMode, List<AareProblem> warnings, Dfa dfa,
            PositionAutomaton automaton, byte[] prefixBytes, boolean literal) {
        this.text = text;
        this.pathMode = pathMode;
        this.warnings = warnings;
        this.dfa = dfa;
        this.automaton = automaton;
        this.prefixBytes = prefixBytes;
        this.literal = literal;
        this.prefix = Wtf8.decodePrefix(prefixBytes, prefixBytes.length);
    }

    /**
     * Compiles AARE text exactly as apparmor_parser's regex stage receives it: quotes removed and
     * variables expanded (escapes such as {@code \040} may stay; they mean the same either way).
     *
     * @throws AareSyntaxException where apparmor_parser would reject the pattern
     */
    public static AarePattern compile(String aare) {
        return cached(PLAIN_CACHE, aare, false);
    }

    /**
     * Like {@link #compile}, after collapsing repeated {@code /} the way apparmor_parser does for
     * file rule paths, link targets and profile attachments ({@code /a//b} matches {@code /a/b}; a
     * leading {@code //x} is kept). Use this for file paths, {@link #compile} for other names.
     */
    public static AarePattern compilePath(String aare) {
        return cached(PATH_CACHE, aare, true);
    }

    private static AarePattern cached(ConcurrentHashMap<String, AarePattern> cache, String aare, boolean path) {
        AarePattern found = cache.get(aare);
        if (found != null) {
            return found;
        }
        AarePattern made = build(aare, path);
        if (cache.size() >= CACHE_LIMIT) {
            cache.clear();
        }
        cache.putIfAbsent(aare, made);
        return made;
    }

    /**
     * Why apparmor_parser would refuse {@code aare} (an unbalanced group, a range in a character
     * class with no end, a '-' after a range, …), found without building the automaton; empty if it
     * would compile. For a linter that checks every glob of a profile as it is typed.
     */
    public static Optional<AareProblem> syntaxProblem(String aare) {
        try {
            parse(aare, false);
            return Optional.empty();
        } catch (AareSyntaxException e) {
            return Optional.of(e.problem());
        }
    }

    private record Parsed(PcreTranslation.Result translated, RegexNode tree) {
    }

    private static Parsed parse(String aare, boolean path) {
        Wtf8.Encoded source = Wtf8.encodeWithPositions(aare);
        if (path) {
            source = PcreTranslation.filterSlashes(source);
        }
        PcreTranslation.Result translated = PcreTranslation.translate(aare, source.bytes(), source.charIndex());
        try {
            return new Parsed(translated, RegexTreeParser.parse(translated.regex()));
        } catch (RegexTreeParser.Failure failure) {
            int at = Math.min(failure.regexIndex, translated.origin().length - 1);
            int start = at < 0 ? 0 : source.charIndex()[translated.origin()[at]];
            throw new AareSyntaxException(aare, AareProblem.error(start, Math.min(start + 1, aare.length()),
                    "apparmor_parser cannot compile this pattern: " + failure.getMessage()));
        }
    }

    private static AarePattern build(String aare, boolean path) {
        Parsed parsed = parse(aare, path);
        PcreTranslation.Result translated = parsed.translated();
        PositionAutomaton automaton = new PositionAutomaton(parsed.tree());
        Dfa dfa;
        try {
            dfa = automaton.toDfa(MAX_DFA_STATES);
        } catch (PositionAutomaton.TooLarge tooLarge) {
            dfa = null;
        }
        byte[] prefix;
        boolean literal;
        if (dfa != null) {
            Dfa.Prefix p = dfa.commonPrefix();
            prefix = p.bytes();
            literal = p.whole();
        } else {
            prefix = new byte[0];
            literal = false;
        }
        return new AarePattern(aare, path, translated.warnings(), dfa, dfa == null ? automaton : null, prefix,
                literal);
    }

    /** The pattern text as given to {@link #compile} or {@link #compilePath}. */
    public String text() {
        return text;
    }

    /** Whether repeated slashes were collapsed ({@link #compilePath}). */
    public boolean isPathPattern() {
        return pathMode;
    }

    /** What apparmor_parser would warn about (for example an unnecessary backslash). */
    public List<AareProblem> warnings() {
        return warnings;
    }

    /** Whether the whole of {@code path} (as the kernel reports it: directories end in {@code /}) matches. */
    public boolean matches(String path) {
        if (dfa != null) {
            return dfa.matches(path);
        }
        return automaton.matches(Wtf8.encode(path));
    }

    /** Matches raw bytes, for names that are not valid UTF-8 (hex-encoded names in audit logs). */
    public boolean matches(byte[] path) {
        return dfa != null ? dfa.matches(path) : automaton.matches(path);
    }

    /** Whether the pattern matches exactly one string (for instance {@code /etc/passwd}, or {@code /a{b,b}}). */
    public boolean isLiteral() {
        return literal;
    }

    /** The one string matched, when {@link #isLiteral()} and it is valid text. */
    public Optional<String> literal() {
        if (!literal) {
            return Optional.empty();
        }
        return java.util.Arrays.equals(Wtf8.encode(prefix), prefixBytes) ? Optional.of(prefix) : Optional.empty();
    }

    /**
     * The longest text every matched string starts with: {@code /usr/} for {@code /usr/{bin,sbin}/x},
     * {@code /etc/} for {@code /etc/**}; the whole path for a literal. Useful to index rules.
     */
    public String literalPrefix() {
        return prefix;
    }

    /** Whether no string at all is matched (for instance {@code [^\x00-\xff]}). */
    public boolean matchesNothing() {
        return dfa != null && dfa.isEmptyLanguage();
    }

    /**
     * Language inclusion: true iff every string {@code other} matches is matched by this pattern.
     * Exact, except that when either automaton is too large to compare it answers {@code false}
     * (never a wrong {@code true}).
     */
    public boolean covers(AarePattern other) {
        if (this == other) {
            return true;
        }
        if (other.literal) {
            return matches(other.prefixBytes);
        }
        if (dfa == null || other.dfa == null) {
            return false;
        }
        if (other.dfa.isEmptyLanguage()) {
            return true;
        }
        // Every string of other starts with its prefix: if that prefix and ours part ways, no string
        // of other can match; otherwise only what follows other's prefix needs comparing.
        int common = Math.min(prefixBytes.length, other.prefixBytes.length);
        if (!java.util.Arrays.equals(prefixBytes, 0, common, other.prefixBytes, 0, common)) {
            return false;
        }
        Boolean included = dfa.includesAfter(other.dfa, other.prefixBytes);
        return included != null && included;
    }

    /**
     * Whether some string is matched by both patterns (a deny rule and an allow rule that meet).
     * When the automata are too large to compare it answers {@code true}, the cautious answer.
     */
    public boolean overlaps(AarePattern other) {
        if (literal) {
            return other.matches(prefixBytes);
        }
        if (other.literal) {
            return matches(other.prefixBytes);
        }
        if (dfa == null || other.dfa == null) {
            return true;
        }
        int common = Math.min(prefixBytes.length, other.prefixBytes.length);
        if (!java.util.Arrays.equals(prefixBytes, 0, common, other.prefixBytes, 0, common)) {
            return false;
        }
        Boolean meet = dfa.intersects(other.dfa);
        return meet == null || meet;
    }

    /**
     * A shortest string both patterns match, such as {@code /usr/bin/a} for {@code /usr/bin/*}
     * and {@code /usr/bin/a*}; empty when they never meet, and also when the automata are too large
     * to compare (so a caller reporting a clash never reports one that is not there).
     */
    public Optional<String> commonExample(AarePattern other) {
        if (literal) {
            return other.matches(prefixBytes) ? Optional.of(prefix) : Optional.empty();
        }
        if (other.literal) {
            return matches(other.prefixBytes) ? Optional.of(other.prefix) : Optional.empty();
        }
        // Most pairs never meet: overlaps' plain walk tells that without keeping a path to each pair.
        if (dfa == null || other.dfa == null || !overlaps(other)) {
            return Optional.empty();
        }
        byte[] example = dfa.commonString(other.dfa);
        return example == null ? Optional.empty() : Optional.of(new String(example, java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Number of DFA states (0 when the pattern is matched without a DFA); for diagnostics and tests. */
    int dfaStates() {
        return dfa == null ? 0 : dfa.stateCount();
    }

    /**
     * AARE text matching exactly {@code literalPath} and nothing else, every metacharacter escaped;
     * see {@link EscapedPath} for how to place it in a profile.
     *
     * @throws IllegalArgumentException if the path contains a NUL character (no kernel path does)
     */
    public static EscapedPath escape(String literalPath) {
        return PathEscaper.escape(Wtf8.encode(literalPath));
    }

    /** {@link #escape(String)} for raw bytes, such as a hex-encoded name from an audit log. */
    public static EscapedPath escape(byte[] literalPath) {
        return PathEscaper.escape(literalPath);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AarePattern p && p.pathMode == pathMode && p.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode() * 31 + (pathMode ? 1 : 0);
    }

    @Override
    public String toString() {
        return text;
    }
}
