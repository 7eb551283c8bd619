package dev.armorbench.ui.editor;

import dev.armorbench.policy.syntax.Lexer;
import dev.armorbench.policy.syntax.LexerState;
import dev.armorbench.policy.syntax.TokenKind;
import java.util.ArrayList;
import java.util.List;
import javafx.event.EventHandler;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.MultiChangeBuilder;

/**
 * Editing by lines: auto-indent inside {@code { }}, comment and uncomment, go to line, and "Format
 * profile", which re-indents by block depth and changes nothing but leading whitespace. Each action is
 * one undoable edit.
 */
public final class LineEditing implements EditorComponent {
    private CodeArea area;
    private final EventHandler<KeyEvent> keys = this::onKeyPressed;

    @Override
    public void install(ProfileEditor editor) {
        this.area = editor.area();
        area.addEventFilter(KeyEvent.KEY_PRESSED, keys);
    }

    @Override
    public void uninstall(ProfileEditor editor) {
        area.removeEventFilter(KeyEvent.KEY_PRESSED, keys);
    }

    private void onKeyPressed(KeyEvent event) {
        if (event.getCode() == KeyCode.ENTER && !event.isShortcutDown() && !event.isAltDown()) {
            newLineWithIndent();
            event.consume();
        } else if (event.getCode() == KeyCode.SLASH && event.isShortcutDown()) {
            toggleComment();
            event.consume();
        }
    }

    /**
     * Enter: the new line keeps the current indentation, one level deeper after an opening brace and
     * one level less when it starts with the closing one.
     */
    public void newLineWithIndent() {
        int line = area.getCurrentParagraph();
        String text = area.getParagraph(line).getText();
        String beforeCaret = text.substring(0, area.getCaretColumn());
        String indent = leadingWhitespace(text);
        String unit = indentUnit();
        boolean opens = beforeCaret.stripTrailing().endsWith("{");
        boolean closes = text.substring(area.getCaretColumn()).stripLeading().startsWith("}");
        if (opens && !closes) {
            indent += unit;
        } else if (closes && !opens && indent.endsWith(unit)) {
            // The `}` moved to the new line lines up with its block's opening line.
            indent = indent.substring(0, indent.length() - unit.length());
        }
        area.replaceSelection("\n" + indent);
        area.requestFollowCaret();
    }

    /** Comments the selected lines (or the caret's line), or uncomments them when all are comments. */
    public void toggleComment() {
        int first = area.offsetToPosition(area.getSelection().getStart(), org.fxmisc.richtext.model.TwoDimensional.Bias.Forward).getMajor();
        int last = area.offsetToPosition(area.getSelection().getEnd(), org.fxmisc.richtext.model.TwoDimensional.Bias.Backward).getMajor();
        if (last > first && area.getSelection().getEnd() == area.getAbsolutePosition(last, 0)) {
            last--; // A selection ending at a line start does not include that line.
        }
        boolean allCommented = true;
        int minIndent = Integer.MAX_VALUE;
        for (int line = first; line <= last; line++) {
            String text = area.getParagraph(line).getText();
            if (text.isBlank()) {
                continue;
            }
            allCommented &= text.stripLeading().startsWith("#");
            minIndent = Math.min(minIndent, leadingWhitespace(text).length());
        }
        if (minIndent == Integer.MAX_VALUE) {
            return;
        }
        MultiChangeBuilder<?, ?, ?> change = area.createMultiChange();
        for (int line = last; line >= first; line--) {
            String text = area.getParagraph(line).getText();
            if (text.isBlank()) {
                continue;
            }
            int lineStart = area.getAbsolutePosition(line, 0);
            if (allCommented) {
                int hash = text.indexOf('#');
                int length = text.startsWith("# ", hash) ? 2 : 1;
                change.deleteTextAbsolutely(lineStart + hash, lineStart + hash + length);
            } else {
                change.insertTextAbsolutely(lineStart + minIndent, "# ");
            }
        }
        change.commit();
    }

    /** Moves the caret to the start of a 1-based line, clamped to the document. */
    public void goToLine(int oneBasedLine) {
        int line = Math.max(0, Math.min(oneBasedLine - 1, area.getParagraphs().size() - 1));
        area.moveTo(line, 0);
        area.requestFollowCaret();
    }

    /**
     * Re-indents every line by its block depth. Only leading whitespace changes: comments, rule text
     * and lines that continue a quoted string or a variable assignment keep every character.
     */
    public int format() {
        String text = area.getText();
        List<String> indents = formattedIndents(text, indentUnit());
        MultiChangeBuilder<?, ?, ?> change = area.createMultiChange();
        int changed = 0;
        for (int line = area.getParagraphs().size() - 1; line >= 0; line--) {
            String wanted = indents.get(line);
            if (wanted == null) {
                continue;
            }
            String current = leadingWhitespace(area.getParagraph(line).getText());
            if (!current.equals(wanted)) {
                int start = area.getAbsolutePosition(line, 0);
                change.replaceTextAbsolutely(start, start + current.length(), wanted);
                changed++;
            }
        }
        if (changed > 0) {
            change.commit();
        }
        return changed;
    }

    /** The indentation each line should have, or null for lines that must not be touched. */
    static List<String> formattedIndents(String text, String unit) {
        char[] chars = text.toCharArray();
        List<String> result = new ArrayList<>();
        int depth = 0;
        int lineStart = 0;
        LexerState state = LexerState.INITIAL;
        for (int i = 0; i <= chars.length; i++) {
            if (i < chars.length && chars[i] != '\n') {
                continue;
            }
            int lineEnd = i == chars.length ? i : i + 1;
            boolean continuation = state.inQuote() || continuesAssignment(chars, lineStart);
            Lexer lexer = new Lexer(chars, lineStart, lineEnd, state);
            int lineDepth = depth;
            boolean firstSignificant = true;
            boolean blank = true;
            while (lexer.position() < lineEnd) {
                TokenKind kind = lexer.next();
                if (kind == TokenKind.WHITESPACE || kind == TokenKind.NEWLINE) {
                    continue;
                }
                blank = false;
                if (kind == TokenKind.R_BRACE) {
                    depth = Math.max(0, depth - 1);
                    if (firstSignificant) {
                        lineDepth = depth;
                    }
                } else if (kind == TokenKind.L_BRACE) {
                    depth++;
                }
                firstSignificant = false;
            }
            result.add(continuation ? null : blank ? "" : unit.repeat(lineDepth));
            state = lexer.state();
            lineStart = lineEnd;
            if (i == chars.length) {
                break;
            }
        }
        return result;
    }

    private static boolean continuesAssignment(char[] chars, int lineStart) {
        // The previous line ended with a backslash: this line goes on with the variable's values.
        int end = lineStart - 1;
        return end >= 1 && chars[end] == '\n' && chars[end - 1] == '\\';
    }

    /** The file's own indentation unit: a tab, or the smallest run of leading spaces (two by default). */
    String indentUnit() {
        int smallest = Integer.MAX_VALUE;
        for (var paragraph : area.getParagraphs()) {
            String indent = leadingWhitespace(paragraph.getText());
            if (indent.startsWith("\t")) {
                return "\t";
            }
            if (!indent.isEmpty() && !paragraph.getText().isBlank()) {
                smallest = Math.min(smallest, indent.length());
            }
        }
        return smallest == Integer.MAX_VALUE || smallest > 8 ? "  " : " ".repeat(smallest);
    }

    static String leadingWhitespace(String line) {
        int i = 0;
        while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
            i++;
        }
        return line.substring(0, i);
    }
}
