package dev.armorbench.policy.aare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PathEscapingTest {

    /** The way apparmor_parser reads a token back: unquote, then compile as a file path. */
    private static AarePattern readBack(EscapedPath escaped) {
        return AarePattern.compilePath(AareTokenText.unquote(escaped.token()));
    }

    @Test
    void plainPathsStayReadable() {
        EscapedPath e = AarePattern.escape("/usr/lib/x86_64-linux-gnu/libc.so.6");
        assertThat(e.token()).isEqualTo("/usr/lib/x86_64-linux-gnu/libc.so.6");
        assertThat(e.needsQuotes()).isFalse();
    }

    @Test
    void metacharactersAreEscaped() {
        EscapedPath e = AarePattern.escape("/tmp/a*b?[c]{d,e}\\f");
        assertThat(e.token()).isEqualTo("/tmp/a\\*b\\?\\[c\\]\\{d\\,e\\}\\\\f");
        assertThat(readBack(e).matches("/tmp/a*b?[c]{d,e}\\f")).isTrue();
        assertThat(readBack(e).isLiteral()).isTrue();
    }

    @Test
    void spacesNeedQuotes() {
        EscapedPath e = AarePattern.escape("/home/u/My Documents/a b");
        assertThat(e.needsQuotes()).isTrue();
        assertThat(e.token()).isEqualTo("\"/home/u/My Documents/a b\"");
        assertThat(readBack(e).matches("/home/u/My Documents/a b")).isTrue();
    }

    @Test
    void variableSyntaxIsNeutralised() {
        EscapedPath e = AarePattern.escape("/tmp/@{HOME}");
        assertThat(e.token()).isEqualTo("/tmp/@\\{HOME\\}");
        String unquoted = AareTokenText.unquote(e.token());
        assertThat(new AareVariables(java.util.Map.of()).expand(unquoted)).isEqualTo(unquoted);
        assertThat(readBack(e).matches("/tmp/@{HOME}")).isTrue();
    }

    @Test
    void quotesCommasNewlinesAndCommentsCannotEndTheToken() {
        String hostile = "/tmp/x\", /etc/** rw,\n  capability sys_admin,\n#";
        EscapedPath e = AarePattern.escape(hostile);
        assertThat(e.token()).doesNotContain("\"/etc").doesNotContain("\n").doesNotContainPattern("[^\\\\], ");
        assertThat(e.token().substring(1, e.token().length() - 1)).doesNotContain("\"");
        assertThat(readBack(e).matches(hostile)).isTrue();
        assertThat(readBack(e).isLiteral()).isTrue();
    }

    @Test
    void invisibleAndBidiCharactersAreWrittenAsOctal() {
        EscapedPath e = AarePattern.escape("/tmp/\u202Eexe.txt\u00A0");
        assertThat(e.token()).isEqualTo("/tmp/\\342\\200\\256exe.txt\\302\\240");
        assertThat(readBack(e).matches("/tmp/\u202Eexe.txt\u00A0")).isTrue();
        assertThat(AarePattern.escape("/tmp/é").token()).isEqualTo("/tmp/é");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "2F746D702F612A62", // /tmp/a*b
        "2F746D702F22202F2A2A2072772C", // /tmp/" /** rw,
        "2F746D702FFF0A80", // not UTF-8, newline
        "2F746D702F5C22", // /tmp/\"
        "2F746D702F5C", // /tmp/\ (backslash at the very end)
        "2F746D702F7B2C7D5B5E5D", // /tmp/{,}[^]
        "2F746D702F4040407B7D5C407B", // /tmp/@@@{}\@{
        "2F746D702F20235C", // /tmp/ #\ (space, so quoted, then a final backslash)
        "2F746D702FEDA080" // a lone surrogate as WTF-8
    })
    void hexEncodedLogNamesRoundTripExactly(String hex) {
        byte[] name = HexFormat.of().parseHex(hex);
        EscapedPath e = AarePattern.escape(name);
        AarePattern p = readBack(e);
        assertThat(p.matches(name)).as(e.token()).isTrue();
        assertThat(p.isLiteral()).as(e.token()).isTrue();
        assertThat(e.token()).doesNotContain("\n");
        if (e.needsQuotes()) {
            assertThat(e.token()).startsWith("\"").endsWith("\"");
            assertThat(e.token().substring(1, e.token().length() - 1)).doesNotContain("\"").doesNotEndWith("\\");
        } else {
            assertThat(e.token()).doesNotContain(" ").doesNotContain("\"").doesNotContain("!");
        }
    }

    @Test
    void nulCannotBeEscaped() {
        assertThatThrownBy(() -> AarePattern.escape("/a\0b")).isInstanceOf(IllegalArgumentException.class);
    }
}
