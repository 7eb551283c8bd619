package dev.armorbench.ui.editor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The highlighter lexes line by line; where each line starts must agree with a reading of the whole text. */
class HighlightModelTest {
    private static final String TEXT = "@{DATA}=\"/srv/data\nprofile p {\n  \"/a\nb\" r,\n  mount /x -> /y,\n}\n";

    @Test
    void eachLineStartsInTheStateAReadingOfTheWholeTextHasThere() {
        HighlightModel model = new HighlightModel();
        model.reset(TEXT);
        assertLinesAgree(model, TEXT);
        // The quote left open on line 1 takes in the lines after it; closing it gives the profile back.
        assertThat(model.lineStartOf(1).state().inQuote()).isTrue();
        model.edit(TEXT.indexOf('\n'), "", "\"");
        String closed = TEXT.replaceFirst("data\n", "data\"\n");
        assertLinesAgree(model, closed);
        assertThat(model.lineStartOf(1).state().inQuote()).isFalse();
        assertThat(model.lineStartOf(3).state().inQuote()).isTrue(); // "/a<newline>b" spans two lines
        assertThat(model.lineStartOf(4).state().inQuote()).isFalse();
    }

    private static void assertLinesAgree(HighlightModel model, String text) {
        int offset = 0;
        String[] lines = text.split("\n", -1);
        // The empty line after the last newline starts where the text ends: no reading goes on from there.
        for (int line = 0; line < lines.length - 1; line++) {
            assertThat(model.lineStartOf(line).state()).as("line %d of %s", line + 1, text)
                    .isEqualTo(LineStart.scan(text, offset).state());
            offset += lines[line].length() + 1;
        }
    }
}
