package dev.armorbench.policy.aare;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.StringLength;

/**
 * Properties over random patterns built from every construct. Matching is checked against an
 * independent oracle (java.util.regex, built from the same token list with the reference's rules);
 * coverage against matching.
 */
class AarePatternPropertyTest {

    private static final String ALPHABET = "ab/.-c";

    /** One construct of a generated pattern. */
    sealed interface Tok {
    }

    record Lit(char c) implements Tok {
    }

    record Star(boolean dbl) implements Tok {
    }

    record Question() implements Tok {
    }

    record Cls(String text, String javaRegex) implements Tok {
    }

    record Alt(List<List<Tok>> choices) implements Tok {
    }

    /** A generated pattern: its tokens, its AARE text and the oracle regex. */
    record Generated(List<Tok> toks, String aare, Pattern oracle) {
        @Override
        public String toString() {
            return aare;
        }
    }

    @Provide
    Arbitrary<Generated> patterns() {
        return Arbitraries.longs().map(seed -> generate(new Random(seed)));
    }

    static Generated generate(Random r) {
        List<Tok> toks = new ArrayList<>();
        toks.add(new Lit('/'));
        toks.addAll(sequence(r, 0, 1 + r.nextInt(6)));
        return build(toks);
    }

    static Generated build(List<Tok> toks) {
        String aare = text(toks);
        String regex = oracle(toks, true);
        return new Generated(toks, aare, Pattern.compile(regex, Pattern.DOTALL));
    }

    private static List<Tok> sequence(Random r, int depth, int length) {
        List<Tok> out = new ArrayList<>();
        for (int i = 0; i < length; i++) {
            int k = r.nextInt(depth < 2 ? 10 : 8);
            Tok t = switch (k) {
                case 0, 1, 2 -> new Lit(ALPHABET.charAt(r.nextInt(ALPHABET.length())));
                case 3 -> new Star(false);
                case 4 -> new Star(true);
                case 5 -> new Question();
                case 6 -> switch (r.nextInt(3)) {
                    case 0 -> new Cls("[ab]", "[ab]");
                    case 1 -> new Cls("[^a]", "[^a]");
                    default -> new Cls("[a-c]", "[a-c]");
                };
                case 7 -> new Lit('/');
                default -> {
                    List<List<Tok>> choices = new ArrayList<>();
                    int n = 2 + r.nextInt(2);
                    for (int c = 0; c < n; c++) {
                        choices.add(sequence(r, depth + 1, r.nextInt(3)));
                    }
                    yield new Alt(choices);
                }
            };
            // Keep star tokens apart: "*" next to "**" would read as a different run of stars.
            if (t instanceof Star && !out.isEmpty() && out.get(out.size() - 1) instanceof Star) {
                out.add(new Lit('a'));
            }
            out.add(t);
        }
        return out;
    }

    static String text(List<Tok> toks) {
        StringBuilder sb = new StringBuilder();
        for (Tok t : toks) {
            if (t instanceof Lit l) {
                sb.append(l.c());
            } else if (t instanceof Star s) {
                sb.append(s.dbl() ? "**" : "*");
            } else if (t instanceof Question) {
                sb.append('?');
            } else if (t instanceof Cls c) {
                sb.append(c.text());
            } else if (t instanceof Alt a) {
                sb.append('{');
                for (int i = 0; i < a.choices().size(); i++) {
                    if (i > 0) {
                        sb.append(',');
                    }
                    sb.append(text(a.choices().get(i)));
                }
                sb.append('}');
            }
        }
        return sb.toString();
    }

    /** The reference's semantics, written independently as a backtracking regex. */
    private static String oracle(List<Tok> toks, boolean topLevel) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < toks.size(); i++) {
            Tok t = toks.get(i);
            if (t instanceof Lit l) {
                sb.append(Pattern.quote(String.valueOf(l.c())));
            } else if (t instanceof Star s) {
                boolean afterSlash = i > 0 && toks.get(i - 1) instanceof Lit p && p.c() == '/';
                boolean beforeSlashOrEnd = i + 1 < toks.size()
                        ? toks.get(i + 1) instanceof Lit n && n.c() == '/'
                        : topLevel;
                if (afterSlash && beforeSlashOrEnd) {
                    sb.append("[^/\\x00]");
                }
                sb.append(s.dbl() ? "[^\\x00]*" : "[^/\\x00]*");
            } else if (t instanceof Question) {
                sb.append("[^/\\x00]");
            } else if (t instanceof Cls c) {
                sb.append(c.javaRegex());
            } else if (t instanceof Alt a) {
                sb.append("(?:");
                for (int c = 0; c < a.choices().size(); c++) {
                    if (c > 0) {
                        sb.append('|');
                    }
                    sb.append(oracle(a.choices().get(c), false));
                }
                sb.append(')');
            }
        }
        return sb.toString();
    }

    /** A random string the pattern is likely to match. */
    static String sample(List<Tok> toks, Random r) {
        StringBuilder sb = new StringBuilder();
        for (Tok t : toks) {
            if (t instanceof Lit l) {
                sb.append(l.c());
            } else if (t instanceof Star s) {
                int n = r.nextInt(3);
                for (int k = 0; k < n; k++) {
                    sb.append((s.dbl() ? "ab/." : "ab.c").charAt(r.nextInt(4)));
                }
            } else if (t instanceof Question || t instanceof Cls) {
                sb.append("abc/".charAt(r.nextInt(4)));
            } else if (t instanceof Alt a) {
                sb.append(sample(a.choices().get(r.nextInt(a.choices().size())), r));
            }
        }
        return sb.toString();
    }

    private static List<String> probes(Generated g, long seed) {
        Random r = new Random(seed);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            out.add(sample(g.toks(), r));
        }
        for (int i = 0; i < 40; i++) {
            StringBuilder sb = new StringBuilder("/");
            int n = r.nextInt(7);
            for (int k = 0; k < n; k++) {
                sb.append(ALPHABET.charAt(r.nextInt(ALPHABET.length())));
            }
            out.add(sb.toString());
        }
        return out;
    }

    @Property(tries = 400)
    void matchingAgreesWithTheOracle(@ForAll("patterns") Generated g, @ForAll long seed) {
        AarePattern p = AarePattern.compile(g.aare());
        for (String s : probes(g, seed)) {
            assertThat(p.matches(s)).as("%s on %s (oracle %s)", g.aare(), s, g.oracle()).isEqualTo(
                    g.oracle().matcher(s).matches());
        }
    }

    @Property(tries = 300)
    void everyPatternCoversItselfAndItsOwnStrings(@ForAll("patterns") Generated g, @ForAll long seed) {
        AarePattern p = AarePattern.compile(g.aare());
        assertThat(p.covers(p)).isTrue();
        for (String s : probes(g, seed)) {
            if (p.matches(s)) {
                assertThat(p.covers(AarePattern.compile(AarePattern.escape(s).aare()))).as(s).isTrue();
            } else {
                assertThat(p.covers(AarePattern.compile(AarePattern.escape(s).aare()))).as(s).isFalse();
            }
        }
    }

    @Property(tries = 400)
    void coversIsConsistentWithMatching(@ForAll("patterns") Generated a, @ForAll("patterns") Generated b,
            @ForAll long seed) {
        AarePattern p = AarePattern.compile(a.aare());
        AarePattern q = AarePattern.compile(b.aare());
        boolean covers = p.covers(q);
        boolean overlaps = p.overlaps(q);
        java.util.Optional<String> example = p.commonExample(q);
        example.ifPresent(common -> {
            assertThat(p.matches(common)).as("%s: example %s", p, common).isTrue();
            assertThat(q.matches(common)).as("%s: example %s", q, common).isTrue();
        });
        List<String> strings = new ArrayList<>(probes(a, seed));
        strings.addAll(probes(b, seed + 1));
        for (String s : strings) {
            if (covers && q.matches(s)) {
                assertThat(p.matches(s)).as("%s covers %s but not %s", p, q, s).isTrue();
            }
            if (p.matches(s) && q.matches(s)) {
                assertThat(overlaps).as("%s and %s both match %s", p, q, s).isTrue();
                assertThat(example).as("%s and %s both match %s", p, q, s).isPresent();
                assertThat(example.get().length()).as("a shortest example").isLessThanOrEqualTo(s.length());
            }
        }
        // Inclusion in both directions is equality of languages, so both match the same strings.
        if (covers && q.covers(p)) {
            for (String s : strings) {
                assertThat(p.matches(s)).isEqualTo(q.matches(s));
            }
        }
    }

    @Property(tries = 300)
    void doubleStarCoversSingleStar(@ForAll("patterns") Generated g) {
        List<Tok> narrow = new ArrayList<>(g.toks());
        narrow.add(new Lit('/'));
        narrow.add(new Star(false));
        List<Tok> wide = new ArrayList<>(g.toks());
        wide.add(new Lit('/'));
        wide.add(new Star(true));
        AarePattern single = AarePattern.compile(build(narrow).aare());
        AarePattern dbl = AarePattern.compile(build(wide).aare());
        assertThat(dbl.covers(single)).as("%s covers %s", dbl, single).isTrue();
    }

    @Property(tries = 500)
    void escapedPathMatchesItselfAndNoMutation(@ForAll @StringLength(max = 24) String tail,
            @ForAll("mutations") Mutation mutation) {
        String path = "/" + tail.replace('\0', 'z');
        EscapedPath e = AarePattern.escape(path);
        AarePattern p = AarePattern.compile(AareTokenText.unquote(e.token()));
        assertThat(p.matches(path)).as(e.token()).isTrue();
        assertThat(p.isLiteral()).isTrue();
        assertThat(e.token()).doesNotContain("\n").doesNotContain("\r");
        String mutated = mutation.apply(path);
        assertThat(p.matches(mutated)).as("%s vs %s", e.token(), mutated).isEqualTo(mutated.equals(path));
        if (!path.contains("//")) {
            assertThat(AarePattern.compilePath(AareTokenText.unquote(e.token())).matches(path)).isTrue();
        }
    }

    @Property(tries = 300)
    void escapeIsExactForTheCharactersThatMatter(
            @ForAll @StringLength(max = 16) @CharRange(from = ' ', to = '~') String tail,
            @ForAll("mutations") Mutation mutation) {
        escapedPathMatchesItselfAndNoMutation(tail, mutation);
    }

    /** A small edit of a path: delete, duplicate, swap or replace one character. */
    record Mutation(int kind, int position, char replacement) {
        String apply(String s) {
            if (s.isEmpty()) {
                return s + replacement;
            }
            int i = Math.floorMod(position, s.length());
            return switch (kind) {
                case 0 -> s.substring(0, i) + s.substring(i + 1);
                case 1 -> s.substring(0, i + 1) + s.charAt(i) + s.substring(i + 1);
                case 2 -> i + 1 < s.length() ? s.substring(0, i) + s.charAt(i + 1) + s.charAt(i) + s.substring(i + 2) : s;
                default -> s.substring(0, i) + replacement + s.substring(i + 1);
            };
        }
    }

    @Provide
    Arbitrary<Mutation> mutations() {
        return Combinators.combine(Arbitraries.integers().between(0, 3), Arbitraries.integers(),
                Arbitraries.of('*', '?', '[', ']', '{', '}', ',', '\\', '"', ' ', 'a', '/', '\n', 'é', '@'))
                .as(Mutation::new);
    }
}
