package dev.armorbench.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.armorbench.policy.syntax.LexMode;
import dev.armorbench.policy.syntax.Lexer;
import dev.armorbench.policy.syntax.LexerState;
import dev.armorbench.policy.syntax.TokenKind;
import dev.armorbench.policy.syntax.Tokens;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LexerTest {
    /** The significant tokens as "KIND:text". */
    private static List<String> significant(String text) {
        Tokens tokens = Lexer.lex(text.toCharArray());
        List<String> out = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            if (!tokens.kind(i).isTrivia()) {
                out.add(tokens.kind(i) + ":" + text.substring(tokens.start(i), tokens.end(i)));
            }
        }
        return out;
    }

    @Test
    void ruleWordsAreKeywordsOnlyInsideTheirRule() {
        assertThat(significant("dbus send bus=session,")).containsExactly("KEYWORD:dbus", "KEYWORD:send", "WORD:bus",
                "ASSIGN:=", "WORD:session", "COMMA:,");
        assertThat(significant("/send r,")).containsExactly("WORD:/send", "WORD:r", "COMMA:,");
        assertThat(significant("signal send, /read r,")).containsExactly("KEYWORD:signal", "KEYWORD:send", "COMMA:,",
                "WORD:/read", "WORD:r", "COMMA:,");
        assertThat(significant("ptrace read,")).contains("KEYWORD:read");
        assertThat(significant("file read,")).contains("WORD:read");
    }

    @Test
    void commaFollowedByAWordCharacterStaysInTheGlob() {
        assertThat(significant("/usr/{bin,sbin}/x r,")).containsExactly("WORD:/usr/{bin,sbin}/x", "WORD:r", "COMMA:,");
        assertThat(significant("/a/b, r,")).containsExactly("WORD:/a/b", "COMMA:,", "WORD:r", "COMMA:,");
    }

    @Test
    void hashStartsACommentOnlyWhereATokenMayStart() {
        assertThat(significant("/foo#bar r, # note")).containsExactly("WORD:/foo#bar", "WORD:r", "COMMA:,");
        assertThat(significant("#include <tunables/global>")).containsExactly("KEYWORD:#include", "ANGLE_PATH:<tunables/global>");
        // A space may stand inside <…>, a tab may not (the reference's include pattern).
        assertThat(significant("include <local/a b>")).containsExactly("KEYWORD:include", "ANGLE_PATH:<local/a b>");
        assertThat(significant("include <local/a\tb>")).doesNotContain("ANGLE_PATH:<local/a\tb>");
    }

    @Test
    void quotedStringsKeepEscapesAndVariablesAreWords() {
        assertThat(significant("\"/a b/\\\"c\" r,")).containsExactly("QUOTED:\"/a b/\\\"c\"", "WORD:r", "COMMA:,");
        assertThat(significant("@{HOME}/x r,")).containsExactly("WORD:@{HOME}/x", "WORD:r", "COMMA:,");
        assertThat(significant("@{V} += a b")).containsExactly("VARIABLE:@{V}", "ASSIGN:+=", "WORD:a", "WORD:b");
        assertThat(significant("${B} = true")).containsExactly("BOOL_VARIABLE:${B}", "ASSIGN:=", "WORD:true");
    }

    @Test
    void aVariablesValuesAreRunsOfAnythingButBlanksQuotesAndBangs() {
        // apparmor_parser's ASSIGN_MODE: '(' , '->', '^' and a ',' before more text are part of a value.
        assertThat(significant("@{V} = /a (b)c -> ^x ,/d\n")).containsExactly("VARIABLE:@{V}", "ASSIGN:=", "WORD:/a",
                "WORD:(b)c", "WORD:->", "WORD:^x", "WORD:,/d");
        // A trailing ',' and a '!' are still not values, and '#' starts a comment (as AppArmor 4 reads it).
        assertThat(significant("@{V} = /a ,")).containsExactly("VARIABLE:@{V}", "ASSIGN:=", "WORD:/a", "COMMA:,");
        assertThat(significant("@{V} = /a # note")).containsExactly("VARIABLE:@{V}", "ASSIGN:=", "WORD:/a");
    }

    @Test
    void aProfileOrHatNameIsOneWordWhateverItStartsWith() {
        assertThat(significant("profile (a {")).containsExactly("KEYWORD:profile", "WORD:(a", "L_BRACE:{");
        assertThat(significant("hat -> {")).containsExactly("KEYWORD:hat", "WORD:->", "L_BRACE:{");
        assertThat(significant("^(b {")).containsExactly("CARET:^", "WORD:(b", "L_BRACE:{");
        // A '{' still opens the block, and what follows is read as rules again.
        assertThat(significant("profile {\n}")).containsExactly("KEYWORD:profile", "L_BRACE:{", "R_BRACE:}");
    }

    @Test
    void aWordOfLettersEndsAtAGluedPath() {
        // The reference lexes the letters at a rule's start as one token (a keyword or not), whatever follows.
        assertThat(significant("owner/a r,")).containsExactly("KEYWORD:owner", "WORD:/a", "WORD:r", "COMMA:,");
        assertThat(significant("change_profile@{x} -> /b,")).startsWith("KEYWORD:change_profile", "WORD:@{x}");
        assertThat(significant("lick/a r,")).startsWith("WORD:lick", "WORD:/a");
        // Inside parentheses (flags, conditions) words are read whole.
        assertThat(significant("(foo/a)")).containsExactly("L_PAREN:(", "WORD:foo/a", "R_PAREN:)");
    }

    @Test
    void backslashNewlineContinuesOnlyAVariableAssignment() {
        String text = "@{V} = a \\\n  b\n/c r,\n";
        Tokens tokens = Lexer.lex(text.toCharArray());
        List<TokenKind> kinds = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            kinds.add(tokens.kind(i));
        }
        assertThat(kinds).contains(TokenKind.LINE_CONTINUATION);
        assertThat(significant(text)).containsExactly("VARIABLE:@{V}", "ASSIGN:=", "WORD:a", "WORD:b", "WORD:/c", "WORD:r",
                "COMMA:,");
    }

    @Test
    void crlfIsOneNewline() {
        Tokens tokens = Lexer.lex("/a r,\r\n/b r,\r\n".toCharArray());
        int newlines = 0;
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.kind(i) == TokenKind.NEWLINE) {
                newlines++;
                assertThat(tokens.end(i) - tokens.start(i)).isEqualTo(2);
            }
        }
        assertThat(newlines).isEqualTo(2);
    }

    @Test
    void restartingAtALineBoundaryFromItsStateGivesTheSameTokens() {
        String text = "profile p {\n  dbus send\n       bus=session\n       member={Get,Set},\n  @{HOME}/x r,\n}\n";
        char[] chars = text.toCharArray();
        Tokens whole = Lexer.lex(chars);
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < whole.size(); i++) {
            expected.add(whole.kind(i) + "@" + whole.start(i));
        }
        // Lex line by line, carrying only the state from one line start to the next.
        List<String> relexed = new ArrayList<>();
        LexerState state = LexerState.INITIAL;
        int lineStart = 0;
        while (lineStart < chars.length) {
            int lineEnd = text.indexOf('\n', lineStart) + 1;
            Lexer lexer = new Lexer(chars, lineStart, lineEnd, state);
            while (lexer.position() < lineEnd) {
                int start = lexer.position();
                relexed.add(lexer.next() + "@" + start);
            }
            state = lexer.state();
            lineStart = lineEnd;
        }
        assertThat(relexed).isEqualTo(expected);
    }

    @Test
    void aRuleRunningOverALineEndCarriesItsModeInTheState() {
        char[] text = "dbus send\n bus=system,\n".toCharArray();
        Lexer lexer = new Lexer(text, 0, 10, LexerState.INITIAL);
        while (lexer.position() < 10) {
            lexer.next();
        }
        assertThat(lexer.state()).isEqualTo(new LexerState(LexMode.DBUS, 0, false));
    }
}
