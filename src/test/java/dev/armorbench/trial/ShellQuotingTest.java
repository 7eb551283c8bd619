package dev.armorbench.trial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ShellQuotingTest {
    @Test
    void plainWordsStayBareAndOthersAreSingleQuoted() {
        assertThat(ShellQuoting.quote("apparmor=docker-default")).isEqualTo("apparmor=docker-default");
        assertThat(ShellQuoting.quote("/srv/app.conf")).isEqualTo("/srv/app.conf");
        assertThat(ShellQuoting.quote("")).isEqualTo("''");
        assertThat(ShellQuoting.quote("a b")).isEqualTo("'a b'");
        assertThat(ShellQuoting.quote("it's")).isEqualTo("'it'\\''s'");
        assertThat(ShellQuoting.quote("$HOME")).isEqualTo("'$HOME'");
    }

    @Test
    void aNulCannotBeAnArgument() {
        assertThatThrownBy(() -> ShellQuoting.quote("a\0b")).isInstanceOf(IllegalArgumentException.class);
    }

    /** The real proof: /bin/sh reads the quoted line back into exactly the original arguments. */
    @Test
    void theShellReadsTheLineBackIntoTheSameArguments() throws Exception {
        List<String> arguments = new ArrayList<>(List.of("", " ", "'", "''", "\"", "\\", "\\'", "$HOME", "${X:-y}",
                "`id`", "$(id)", "a\nb", "tab\there", "*", "?", "[a]", "~", "~root", "#comment", "a;b", "a&&b", "a|b",
                "<in", ">out", "!", "{a,b}", "x=y z", "--opt=it's \"so\"", "ünïcödé ✓", "\t\n ", "-n", "-e"));
        Random random = new Random(8);
        String alphabet = "ab '\"\\$`!*?[]{}()<>|&;#~=%,.:/-_\n\t\u00e9\u2713";
        for (int i = 0; i < 200; i++) {
            StringBuilder word = new StringBuilder();
            for (int length = random.nextInt(12); length > 0; length--) {
                word.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            arguments.add(word.toString());
        }

        // printf writes each argument followed by a NUL, which no argument can contain.
        String line = "printf '%s\\0' " + ShellQuoting.join(arguments);
        Process shell = new ProcessBuilder("/bin/sh", "-c", line).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        byte[] output = shell.getInputStream().readAllBytes();
        assertThat(shell.waitFor(60, TimeUnit.SECONDS)).isTrue();

        String text = new String(output, StandardCharsets.UTF_8);
        List<String> parsed = List.of(text.substring(0, text.length() - 1).split("\0", -1));
        assertThat(parsed).containsExactlyElementsOf(arguments);
    }
}
