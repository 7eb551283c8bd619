package dev.armorbench.policy.aare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AarePatternTest {

    private static boolean m(String pattern, String path) {
        return AarePattern.compile(pattern).matches(path);
    }

    @Nested
    class Stars {
        @Test
        void singleStarStaysWithinOneSegment() {
            assertThat(m("/etc/*.conf", "/etc/a.conf")).isTrue();
            assertThat(m("/etc/*.conf", "/etc/.conf")).isTrue();
            assertThat(m("/etc/*.conf", "/etc/x/a.conf")).isFalse();
            assertThat(m("/etc/f*", "/etc/f")).isTrue();
        }

        @Test
        void wholeSegmentStarNeedsOneCharacter() {
            assertThat(m("/tmp/*", "/tmp/")).isFalse();
            assertThat(m("/tmp/*", "/tmp/a")).isTrue();
            assertThat(m("/tmp/*", "/tmp/a/")).isFalse();
            assertThat(m("/*/x", "//x")).isFalse();
            assertThat(m("/tmp/*/", "/tmp/d/")).isTrue();
            assertThat(m("/tmp/*/", "/tmp//")).isFalse();
        }

        @Test
        void doubleStarCrossesSlashesButNotIntoAnEmptyFirstSegment() {
            assertThat(m("/etc/**", "/etc/a/b/c")).isTrue();
            assertThat(m("/etc/**", "/etc/a/")).isTrue();
            assertThat(m("/etc/**", "/etc/")).isFalse();
            assertThat(m("/etc/**", "/etc")).isFalse();
            assertThat(m("/etc/**", "/etc//x")).isFalse();
            assertThat(m("/**/x", "/a/b/x")).isTrue();
            assertThat(m("/**/", "/a/")).isTrue();
            assertThat(m("/**/", "/")).isFalse();
            assertThat(m("/etc/f**", "/etc/f")).isTrue();
            assertThat(m("/etc/f**", "/etc/f/g/h")).isTrue();
        }

        @Test
        void starNotAfterSlashMayBeEmpty() {
            assertThat(m("/a/b*c", "/a/bc")).isTrue();
            assertThat(m("/a/**.so", "/a/.so")).isTrue();
            assertThat(m("/a/**.so", "/a/x/y.so")).isTrue();
        }

        @Test
        void starsNeverMatchNul() {
            assertThat(m("/a/**", "/a/x\0y")).isFalse();
            assertThat(m("/a/*", "/a/x\0")).isFalse();
        }
    }

    @Test
    void questionMarkIsOneNonSlashByte() {
        assertThat(m("/a/?", "/a/x")).isTrue();
        assertThat(m("/a/?", "/a/")).isFalse();
        assertThat(m("/a/?", "/a//")).isFalse();
        assertThat(m("/a/?", "/a/xy")).isFalse();
        // One byte, as the kernel sees it: a two-byte UTF-8 character needs two.
        assertThat(m("/a/?", "/a/é")).isFalse();
        assertThat(m("/a/??", "/a/é")).isTrue();
    }

    @Nested
    class Classes {
        @Test
        void setsRangesAndNegation() {
            assertThat(m("/a/[abc]", "/a/b")).isTrue();
            assertThat(m("/a/[abc]", "/a/d")).isFalse();
            assertThat(m("/a/[a-z]x", "/a/qx")).isTrue();
            assertThat(m("/a/[z-a]", "/a/q")).as("reversed range ends are swapped").isTrue();
            assertThat(m("/a/[^a-z]", "/a/Q")).isTrue();
            assertThat(m("/a/[^a-z]", "/a/q")).isFalse();
            assertThat(m("/a[^b]c", "/a/c")).as("a negated class matches '/' too").isTrue();
            assertThat(m("/a/[0-9]*", "/a/1234")).isTrue();
        }

        @Test
        void specialCharactersInsideAClass() {
            assertThat(m("/a/[\\]x]", "/a/]")).isTrue();
            assertThat(m("/a/[-x]", "/a/-")).isTrue();
            assertThat(m("/a/[^^]", "/a/^")).isFalse();
            assertThat(m("/a/[^^]", "/a/b")).isTrue();
            assertThat(m("/a/[{,}]", "/a/,")).isTrue();
            assertThat(m("/a/[{,}]", "/a/{")).isTrue();
            assertThat(m("/a/[.]", "/a/.")).isTrue();
            assertThat(m("/a/[.]", "/a/x")).isFalse();
            assertThat(m("/a/[\\]]", "/a/]")).isTrue();
        }

        @Test
        void rangeWithoutEndIsRejectedLikeTheReference() {
            assertThatThrownBy(() -> AarePattern.compile("/a/[a-]")).isInstanceOf(AareSyntaxException.class)
                    .hasMessageContaining("put '-' first");
            assertThatThrownBy(() -> AarePattern.compile("/a/[]")).isInstanceOf(AareSyntaxException.class);
            // The first stage closes the class at the first ']', so a leading ']' must be escaped.
            assertThatThrownBy(() -> AarePattern.compile("/a/[]x]")).isInstanceOf(AareSyntaxException.class);
        }
    }

    @Nested
    class Alternations {
        @Test
        void alternativesNestAndMayBeEmpty() {
            assertThat(m("/usr/{bin,sbin}/x", "/usr/sbin/x")).isTrue();
            assertThat(m("/usr/{bin,sbin}/x", "/usr/lib/x")).isFalse();
            assertThat(m("/a/{b,c{d,e}}f", "/a/cef")).isTrue();
            assertThat(m("/a/{b,c{d,e}}f", "/a/cf")).isFalse();
            assertThat(m("/lib{,32,64}/x", "/lib/x")).isTrue();
            assertThat(m("/lib{,32,64}/x", "/lib64/x")).isTrue();
            assertThat(m("/x{.so,}", "/x")).isTrue();
            assertThat(m("/x{,}", "/x")).isTrue();
        }

        @Test
        void commaOutsideBracesIsLiteral() {
            assertThat(m("/a,b", "/a,b")).isTrue();
        }

        @Test
        void singleAlternativeIsAnError() {
            assertThatThrownBy(() -> AarePattern.compile("/a/{b}")).isInstanceOf(AareSyntaxException.class)
                    .satisfies(e -> assertThat(((AareSyntaxException) e).problem().start()).isEqualTo(3))
                    .hasMessageContaining("at least two alternatives");
            assertThatThrownBy(() -> AarePattern.compile("/a/{}")).isInstanceOf(AareSyntaxException.class);
        }

        @Test
        void unbalancedBracesAreErrorsThatNameTheFix() {
            assertThatThrownBy(() -> AarePattern.compile("/a/{b,c")).isInstanceOf(AareSyntaxException.class)
                    .hasMessageContaining("never closed").hasMessageContaining("\\{");
            assertThatThrownBy(() -> AarePattern.compile("/a/b,c}")).isInstanceOf(AareSyntaxException.class)
                    .hasMessageContaining("closes no '{'");
            assertThatThrownBy(() -> AarePattern.compile("/a/[bc")).isInstanceOf(AareSyntaxException.class)
                    .hasMessageContaining("never closed");
            assertThatThrownBy(() -> AarePattern.compile("/a/bc]")).isInstanceOf(AareSyntaxException.class)
                    .satisfies(e -> assertThat(((AareSyntaxException) e).problem().start()).isEqualTo(5));
        }

        @Test
        void nestingDepthIsLimitedAsInTheReference() {
            String ok = "{a".repeat(49) + ",b}".repeat(49);
            assertThat(AarePattern.compile(ok).matches("a".repeat(49))).isTrue();
            assertThat(AarePattern.compile(ok).matches("a".repeat(10) + "b")).isTrue();
            assertThat(AarePattern.compile(ok).matches("a".repeat(50))).isFalse();
            String tooDeep = "{a".repeat(50) + ",b}".repeat(50);
            assertThatThrownBy(() -> AarePattern.compile(tooDeep)).isInstanceOf(AareSyntaxException.class);
        }
    }

    @Nested
    class Escapes {
        @ParameterizedTest
        @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
            "/a/\\*|/a/*", "/a/\\?|/a/?", "/a/\\[x\\]|/a/[x]", "/a/\\{x\\}|/a/{x}", "/a/\\\\|/a/\\",
            "/a/\\,|/a/,", "/a/\\101|/a/A", "/a/\\x41|/a/A", "/a/\\d065|/a/A", "/a/\\040b|/a/ b",
            "/a/x.y+z|/a/x.y+z", "/a/(x)|/a/(x)", "/a/^$|/a/^$"})
        void escapedCharactersAreLiteral(String pattern, String path) {
            assertThat(m(pattern, path)).as(pattern).isTrue();
            assertThat(AarePattern.compile(pattern).isLiteral()).as(pattern).isTrue();
        }

        @Test
        void escapedStarIsNotAGlob() {
            assertThat(m("/a/\\*", "/a/b")).isFalse();
        }

        @Test
        void controlEscapes() {
            assertThat(m("/a\\n", "/a\n")).isTrue();
            assertThat(m("/a\\t", "/a\t")).isTrue();
        }

        @Test
        void unnecessaryEscapeWarnsAndKeepsTheCharacter() {
            AarePattern p = AarePattern.compile("/a/\\q");
            assertThat(p.matches("/a/q")).isTrue();
            assertThat(p.warnings()).singleElement()
                    .satisfies(w -> assertThat(w.message()).contains("not an escape"));
        }

        @Test
        void trailingBackslashIsAnError() {
            assertThatThrownBy(() -> AarePattern.compile("/a/\\")).isInstanceOf(AareSyntaxException.class)
                    .hasMessageContaining("'\\\\'");
        }

        @Test
        void escapedCaretInsideAClassStillNegatesAsInTheReference() {
            // convert_aaregex_to_pcre drops the backslash before '^' inside [...].
            assertThat(m("/a/[\\^b]", "/a/c")).isTrue();
            assertThat(m("/a/[\\^b]", "/a/b")).isFalse();
        }
    }

    @Test
    void pathModeCollapsesRepeatedSlashes() {
        assertThat(AarePattern.compilePath("/a//b///c").matches("/a/b/c")).isTrue();
        assertThat(AarePattern.compile("/a//b").matches("/a/b")).isFalse();
        assertThat(AarePattern.compilePath("//ns/x").matches("//ns/x")).isTrue();
        assertThat(AarePattern.compilePath("/a/b/").matches("/a/b/")).isTrue();
    }

    @Test
    void trailingSlashMeansADirectory() {
        assertThat(m("/tmp/dir/", "/tmp/dir/")).isTrue();
        assertThat(m("/tmp/dir/", "/tmp/dir")).isFalse();
    }

    @Test
    void literalAndPrefix() {
        assertThat(AarePattern.compile("/etc/passwd").isLiteral()).isTrue();
        assertThat(AarePattern.compile("/etc/passwd").literal()).contains("/etc/passwd");
        assertThat(AarePattern.compile("/etc/{a,a}").isLiteral()).isTrue();
        assertThat(AarePattern.compile("/etc/{a,a}").literal()).contains("/etc/a");
        assertThat(AarePattern.compile("/etc/*").isLiteral()).isFalse();
        assertThat(AarePattern.compile("/etc/**").literalPrefix()).isEqualTo("/etc/");
        assertThat(AarePattern.compile("/usr/{bin,sbin}/x").literalPrefix()).isEqualTo("/usr/");
        assertThat(AarePattern.compile("/usr/{bin,bins}").literalPrefix()).isEqualTo("/usr/bin");
        assertThat(AarePattern.compile("/é/*").literalPrefix()).isEqualTo("/é/");
        assertThat(AarePattern.compile("/x/[é]").literalPrefix()).isEqualTo("/x/");
    }

    @Test
    void rawBytesMatch() {
        AarePattern p = AarePattern.compile("/a/\\377*");
        assertThat(p.matches(new byte[] {'/', 'a', '/', (byte) 0xFF, 'z'})).isTrue();
        assertThat(p.matches("/a/ÿz".getBytes(StandardCharsets.UTF_8))).isFalse();
    }

    @Nested
    class Coverage {
        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
            "/etc/**|/etc/foo/*.conf|true", "/etc/foo/*.conf|/etc/**|false", "/**|/etc/**|true",
            "/etc/**|/etc/|false", "/etc/{,**}|/etc/|true", "/etc/*|/etc/passwd|true",
            "/etc/*|/etc/a/b|false", "/usr/{bin,sbin}/*|/usr/bin/ls|true", "/usr/{bin,sbin}/*|/usr/*/ls|false",
            "/tmp/**|/tmp/*|true", "/tmp/*|/tmp/**|false", "/a/[a-z]*|/a/[b-c]x|true",
            "/a/[a-z]*|/a/[^b]|false", "/lib{,32,64}/**.so*|/lib64/x/libc.so.6|true",
            "/lib{,32,64}/**.so*|/lib{32,64}/*.so|true", "/a/?|/a/[ab]|true", "/a/?|/a/[/]|false",
            "/a/**|/a/x/**|true", "/a/x/**|/a/**|false"})
        void coversIsLanguageInclusion(String wide, String narrow, boolean expected) {
            assertThat(AarePattern.compile(wide).covers(AarePattern.compile(narrow))).isEqualTo(expected);
        }

        @Test
        void overlaps() {
            assertThat(AarePattern.compile("/a/*.conf").overlaps(AarePattern.compile("/a/x*"))).isTrue();
            assertThat(AarePattern.compile("/a/*.conf").overlaps(AarePattern.compile("/b/**"))).isFalse();
            assertThat(AarePattern.compile("/a/x").overlaps(AarePattern.compile("/a/*"))).isTrue();
        }

        @Test
        void commonExampleIsAShortestStringBothMatchSpeltReadably() {
            assertThat(AarePattern.compilePath("/usr/bin/*").commonExample(AarePattern.compilePath("/usr/bin/f*")))
                    .contains("/usr/bin/f");
            assertThat(AarePattern.compilePath("/**").commonExample(AarePattern.compilePath("/usr/lib/*/bin/**")))
                    .contains("/usr/lib/a/bin/a");
            assertThat(AarePattern.compilePath("/opt/*/x").commonExample(AarePattern.compilePath("/{usr,opt}/bin/*")))
                    .contains("/opt/bin/x");
            assertThat(AarePattern.compilePath("/usr/bin/f*").commonExample(AarePattern.compilePath("/usr/bin/b*")))
                    .isEmpty();
            assertThat(AarePattern.compilePath("/usr/bin/[^f]*").commonExample(AarePattern.compilePath("/usr/bin/f*")))
                    .isEmpty();
            assertThat(AarePattern.compilePath("/usr/bin/a").commonExample(AarePattern.compilePath("/usr/bin/?")))
                    .contains("/usr/bin/a");
        }
    }

    @Test
    void patternsThatWouldExplodeStillMatchAndNeverClaimCoverage() {
        // "the 14th character from the end is an x" needs 2^14 DFA states.
        String p = "/**x" + "?".repeat(14);
        AarePattern big = AarePattern.compile(p);
        assertThat(big.dfaStates()).isZero();
        assertThat(big.matches("/ax" + "b".repeat(14))).isTrue();
        assertThat(big.matches("/ab" + "b".repeat(14))).isFalse();
        assertThat(big.covers(AarePattern.compile("/ax" + "b".repeat(14)))).isTrue();
        assertThat(big.covers(AarePattern.compile("/ax" + "b".repeat(13) + "[bc]"))).isFalse();
        assertThat(AarePattern.compile("/**").covers(big)).isFalse();
    }

    @Test
    void compiledPatternsAreCached() {
        assertThat(AarePattern.compile("/cache/me/*")).isSameAs(AarePattern.compile("/cache/me/*"));
        assertThat(AarePattern.compilePath("/cache/me/*")).isNotSameAs(AarePattern.compile("/cache/me/*"));
    }

    @Test
    void nulInPatternIsRejectedWithTheEscapeToUse() {
        assertThatThrownBy(() -> AarePattern.compile("/a\0b")).isInstanceOf(AareSyntaxException.class)
                .hasMessageContaining("\\000");
    }

    @Test
    void errorsCarryPositionsInCharsNotBytes() {
        assertThatThrownBy(() -> AarePattern.compile("/é/{b}")).isInstanceOf(AareSyntaxException.class)
                .satisfies(e -> assertThat(((AareSyntaxException) e).problem().start()).isEqualTo(3));
    }
}
