package dev.armorbench.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.armorbench.policy.syntax.SyntaxElement;
import dev.armorbench.policy.syntax.SyntaxNode;
import dev.armorbench.policy.syntax.SyntaxTree;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoundTripTest {
    @Test
    void everyCorpusFilePrintsBackByteForByte() throws IOException {
        List<Path> files = Corpora.filesUnder(Corpora.root());
        List<String> lost = new ArrayList<>();
        for (Path file : files) {
            // ISO-8859-1 maps every byte to one char, so printing back gives the same bytes.
            String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            SyntaxTree tree = SyntaxTree.parse(text);
            if (!tree.print().equals(text) || !contiguous(tree.root(), 0, text.length())) {
                lost.add(file.toString());
            }
        }
        System.out.println("round trip: " + (files.size() - lost.size()) + " of " + files.size() + " corpus files identical");
        assertThat(lost).isEmpty();
        assertThat(files).isNotEmpty();
    }

    @Test
    void malformedInputStillRoundTrips() {
        for (String text : List.of("", "}", "{", "profile", "\"unterminated", "/a r\n}", "@{x} = a \\\n b,\n",
                "if not defined @{x} { } else { ", "#include", "profile x { /a rw, } }} ,,", "\r\n/a r,\r\n")) {
            SyntaxTree tree = SyntaxTree.parse(text);
            assertThat(tree.print()).isEqualTo(text);
            assertThat(contiguous(tree.root(), 0, text.length())).isTrue();
        }
    }

    /** Every child starts where the previous one ended: no character is lost or doubled. */
    static boolean contiguous(SyntaxNode node, int start, int end) {
        int at = start;
        if (node.start() != start || node.end() != end) {
            return false;
        }
        for (SyntaxElement child : node.children()) {
            if (child.start() != at) {
                return false;
            }
            if (child instanceof SyntaxNode inner && !contiguous(inner, inner.start(), inner.end())) {
                return false;
            }
            at = child.end();
        }
        return at == end;
    }
}
