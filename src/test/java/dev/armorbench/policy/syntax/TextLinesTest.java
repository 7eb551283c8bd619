package dev.armorbench.policy.syntax;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextLinesTest {
    private static final String TEXT = "profile t {\n  \t/a r,\n}";

    @Test
    void lineStartsAndEnds() {
        assertThat(TextLines.lineStart(TEXT, 0)).isZero();
        assertThat(TextLines.lineStart(TEXT, 15)).isEqualTo(12);
        // The offset of a line's own '\n' belongs to that line.
        assertThat(TextLines.lineStart(TEXT, 11)).isZero();
        assertThat(TextLines.nextLineStart(TEXT, 15)).isEqualTo(21);
        assertThat(TextLines.nextLineStart(TEXT, 21)).isEqualTo(TEXT.length());
    }

    @Test
    void indentIsTheLinesLeadingBlanksAndTabs() {
        assertThat(TextLines.indentAt(TEXT, 18)).isEqualTo("  \t");
        assertThat(TextLines.indentAt(TEXT, 3)).isEmpty();
        assertThat(TextLines.indentAt("   ", 1)).isEqualTo("   ");
    }
}
