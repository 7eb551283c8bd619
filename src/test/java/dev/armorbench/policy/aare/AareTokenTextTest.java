package dev.armorbench.policy.aare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AareTokenTextTest {

    @Test
    void quotesAreRemovedAndGlobbingStays() {
        assertThat(AareTokenText.unquote("\"/a/*\"")).isEqualTo("/a/*");
        assertThat(AarePattern.compile(AareTokenText.unquote("\"/a/*\"")).matches("/a/b")).isTrue();
    }

    @Test
    void escapesBecomeCharactersButMetacharactersStayEscaped() {
        assertThat(AareTokenText.unquote("/a\\040b")).isEqualTo("/a b");
        assertThat(AareTokenText.unquote("/a\\x2a")).isEqualTo("/a\\*");
        assertThat(AareTokenText.unquote("/a\\\"")).isEqualTo("/a\"");
        assertThat(AareTokenText.unquote("/a\\*")).isEqualTo("/a\\*");
        assertThat(AareTokenText.unquote("/a\\\\")).isEqualTo("/a\\\\");
        assertThat(AareTokenText.unquote("/a\\000")).isEqualTo("/a\\000");
        assertThat(AareTokenText.unquote("/a\\377")).isEqualTo("/a\\377");
    }

    @Test
    void theReferenceExampleIsOneLiteralPath() {
        String path = AareTokenText.unquote("\"/tmp/x, /etc/\\*\\* rw\"");
        AarePattern p = AarePattern.compilePath(path);
        assertThat(p.isLiteral()).isTrue();
        assertThat(p.matches("/tmp/x, /etc/** rw")).isTrue();
    }

    @Test
    void unclosedQuoteIsAnError() {
        assertThatThrownBy(() -> AareTokenText.unquote("\"/a")).isInstanceOf(AareSyntaxException.class)
                .hasMessageContaining("closing");
    }
}
