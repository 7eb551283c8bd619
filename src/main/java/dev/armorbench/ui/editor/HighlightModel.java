package dev.armorbench.ui.editor;

import dev.armorbench.policy.syntax.LexerState;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;

/**
 * The highlighting thread's own copy of the document: its lines, the lexer state at the start of
 * each line, and each line's styles. An edit re-lexes from its first line only until the state at a
 * line start is what it was before, so typing in a 10,000-line profile re-lexes a line or two.
 *
 * <p>Confined to one thread; lines that need restyling on screen accumulate as dirty lines until
 * the screen has taken them. They are kept line by line, not as one range: a new diagnostic at line
 * 5,000 and an old one at line 2 restyle two short runs, not the 5,000 lines between them.
 */
final class HighlightModel {
    private final List<String> lines = new ArrayList<>();
    private final List<LexerState> startStates = new ArrayList<>();
    private final List<List<TokenStyles.Span>> styles = new ArrayList<>();
    /** Braces opened minus braces closed on each line, for the block depth at a line start. */
    private final List<Integer> braceDeltas = new ArrayList<>();
    private List<StyledRange> overlays = List.of();
    private BitSet dirty = new BitSet();
    /** The most lines restyled in one go on the FX thread. */
    static final int RUN_PIECE_LINES = 400;
    private long relexedLines;

    void reset(String text) {
        lines.clear();
        startStates.clear();
        styles.clear();
        braceDeltas.clear();
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == '\n') {
                lines.add(text.substring(start, i));
                startStates.add(null);
                styles.add(null);
                braceDeltas.add(0);
                start = i + 1;
            }
        }
        startStates.set(0, LexerState.INITIAL);
        relexFrom(0, lines.size() - 1);
    }

    /** Applies an edit the user made; re-lexes what it changed. */
    void edit(int position, String removed, String inserted) {
        int line = lineOf(position);
        int column = position - lineStart(line);
        int lastLine = lineOf(position + removed.length());
        String before = lines.get(line).substring(0, column);
        String lastText = lines.get(lastLine);
        String after = lastText.substring(position + removed.length() - lineStart(lastLine));
        String[] newLines = (before + inserted + after).split("\n", -1);

        for (int i = lastLine; i >= line; i--) {
            lines.remove(i);
            if (i > line) {
                startStates.remove(i);
            }
            styles.remove(i);
            braceDeltas.remove(i);
        }
        for (int i = 0; i < newLines.length; i++) {
            lines.add(line + i, newLines[i]);
            styles.add(line + i, null);
            braceDeltas.add(line + i, 0);
            if (i > 0) {
                startStates.add(line + i, null);
            }
        }
        int removedLines = lastLine - line;
        int addedLines = newLines.length - 1;
        // Dirty lines below the edit move with it; those it removed collapse onto its first line.
        BitSet moved = new BitSet();
        for (int i = dirty.nextSetBit(0); i >= 0; i = dirty.nextSetBit(i + 1)) {
            moved.set(i <= line ? i : i > line + removedLines ? i + addedLines - removedLines : line);
        }
        dirty = moved;
        List<StyledRange> shifted = new ArrayList<>(overlays.size());
        for (StyledRange overlay : overlays) {
            shifted.add(overlay.shifted(position, removed.length(), inserted.length()));
        }
        overlays = shifted;
        relexFrom(line, line + addedLines);
    }

    /** Lays new overlays (diagnostics) over the text; the lines of old and new ones are restyled. */
    void overlays(List<StyledRange> newOverlays) {
        int length = length();
        for (StyledRange overlay : overlays) {
            markDirty(lineOf(Math.min(overlay.start(), length)), lineOf(Math.min(overlay.end(), length)));
        }
        overlays = List.copyOf(newOverlays);
        for (StyledRange overlay : overlays) {
            markDirty(lineOf(Math.min(overlay.start(), length)), lineOf(Math.min(overlay.end(), length)));
        }
    }

    boolean hasDirtyLines() {
        return !dirty.isEmpty();
    }

    void clearDirty() {
        dirty.clear();
    }

    /** A run of dirty lines and their styles, from the start of its first line. */
    record DirtyRun(int fromLine, StyleSpans<Collection<String>> spans) {
    }

    /** The dirty lines as runs (runs a few lines apart are joined: one restyle is cheaper than two). */
    List<DirtyRun> dirtyRuns() {
        List<DirtyRun> runs = new ArrayList<>();
        int last = lines.size() - 1;
        int from = dirty.nextSetBit(0);
        while (from >= 0 && from <= last) {
            int to = dirty.nextClearBit(from) - 1;
            int next = dirty.nextSetBit(to + 1);
            while (next >= 0 && next - to <= 4) {
                to = dirty.nextClearBit(next) - 1;
                next = dirty.nextSetBit(to + 1);
            }
            // Long runs (opening a file) go in pieces, so the first lines show styled before the rest is done.
            int end = Math.min(to, last);
            for (int piece = from; piece <= end; piece += RUN_PIECE_LINES) {
                runs.add(new DirtyRun(piece, spans(piece, Math.min(end, piece + RUN_PIECE_LINES - 1))));
            }
            from = next;
        }
        return runs;
    }

    /** How many lines the lexer has run over since the start: a measure for the benchmark and tests. */
    long relexedLines() {
        return relexedLines;
    }

    int lineCount() {
        return lines.size();
    }

    /** The styles of lines {@code from} to {@code to}, from the start of the first. */
    private StyleSpans<Collection<String>> spans(int from, int to) {
        int offset = lineStart(from);
        StyleSpansBuilder<Collection<String>> builder = new StyleSpansBuilder<>();
        int position = offset;
        List<StyledRange> relevant = new ArrayList<>();
        int endOffset = lineStart(to) + lines.get(to).length();
        for (StyledRange overlay : overlays) {
            if (overlay.end() >= offset && overlay.start() <= endOffset) {
                relevant.add(overlay);
            }
        }
        for (int line = from; line <= to; line++) {
            for (TokenStyles.Span span : styles.get(line)) {
                addWithOverlays(builder, position, span.length(), span.styleClass(), relevant);
                position += span.length();
            }
            if (line < lines.size() - 1) {
                // The line break itself (the lexer saw it, but the styled spans above cover only text).
                addWithOverlays(builder, position, 1, "", List.of());
                position += 1;
            }
        }
        if (position == offset) {
            builder.add(Collections.emptyList(), 0);
        }
        return builder.create();
    }

    private static void addWithOverlays(StyleSpansBuilder<Collection<String>> builder, int start, int length,
            String style, List<StyledRange> overlays) {
        int position = start;
        int end = start + length;
        while (position < end) {
            int next = end;
            List<String> classes = new ArrayList<>(2);
            if (!style.isEmpty()) {
                classes.add(style);
            }
            for (StyledRange overlay : overlays) {
                if (overlay.start() <= position && overlay.end() > position) {
                    classes.add(overlay.styleClass());
                    next = Math.min(next, overlay.end());
                } else if (overlay.start() > position) {
                    next = Math.min(next, overlay.start());
                }
            }
            builder.add(classes, next - position);
            position = next;
        }
    }

    private void relexFrom(int firstLine, int lastChangedLine) {
        int line = firstLine;
        while (line < lines.size()) {
            LexerState start = startStates.get(line);
            String text = lines.get(line);
            boolean last = line == lines.size() - 1;
            // One character more than is lexed: a quote that runs over the line end then says so in
            // the end state (the lexer ends a quote at the end of its text), and the next line goes on
            // in it, as the reading of the whole file does.
            char[] chars = (last ? text : text + "\n ").toCharArray();
            int end = last ? chars.length : chars.length - 1;
            TokenStyles.StyledLine styled = TokenStyles.style(chars, 0, end, start);
            styles.set(line, withoutLineBreak(styled.spans(), text.length()));
            braceDeltas.set(line, braceDelta(text, styles.get(line)));
            relexedLines++;
            markDirty(line, line);
            if (last) {
                break;
            }
            LexerState previousNext = startStates.get(line + 1);
            startStates.set(line + 1, styled.endState());
            line++;
            if (line > lastChangedLine && Objects.equals(previousNext, styled.endState())
                    && styles.get(line) != null) {
                break;
            }
        }
    }

    /** The lexer state and block depth where a line begins: what completion reads the caret's line from. */
    LineStart lineStartOf(int line) {
        int clamped = Math.max(0, Math.min(line, lines.size() - 1));
        int depth = 0;
        for (int i = 0; i < clamped; i++) {
            depth = Math.max(0, depth + braceDeltas.get(i));
        }
        return new LineStart(startStates.get(clamped), depth);
    }

    private static int braceDelta(String text, List<TokenStyles.Span> spans) {
        int delta = 0;
        int position = 0;
        for (TokenStyles.Span span : spans) {
            if ("brace".equals(span.styleClass())) {
                for (int i = position; i < position + span.length(); i++) {
                    char c = text.charAt(i);
                    delta += c == '{' ? 1 : c == '}' ? -1 : 0;
                }
            }
            position += span.length();
        }
        return delta;
    }

    /** Cuts the spans at the line's text length: the line break is styled separately. */
    private static List<TokenStyles.Span> withoutLineBreak(List<TokenStyles.Span> spans, int textLength) {
        List<TokenStyles.Span> result = new ArrayList<>(spans.size());
        int remaining = textLength;
        for (TokenStyles.Span span : spans) {
            if (remaining <= 0) {
                break;
            }
            int length = Math.min(span.length(), remaining);
            result.add(new TokenStyles.Span(length, span.styleClass()));
            remaining -= length;
        }
        return result;
    }

    private void markDirty(int from, int to) {
        dirty.set(from, to + 1);
    }

    private int length() {
        int length = 0;
        for (String line : lines) {
            length += line.length() + 1;
        }
        return length - 1;
    }

    private int lineOf(int offset) {
        int position = 0;
        for (int line = 0; line < lines.size(); line++) {
            int next = position + lines.get(line).length() + 1;
            if (offset < next) {
                return line;
            }
            position = next;
        }
        return lines.size() - 1;
    }

    private int lineStart(int line) {
        int position = 0;
        for (int i = 0; i < line; i++) {
            position += lines.get(i).length() + 1;
        }
        return position;
    }
}
