package dev.armorbench.trial.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.armorbench.testing.Requirements;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The parser's errors as the real {@code apparmor_parser} prints them. {@code -Q} (skip the kernel)
 * lets it parse on a machine without AppArmor; loading fails the same way before the kernel is
 * touched.
 */
class ParserErrorTest {
    private static final Path PARSER = Path.of("/usr/sbin/apparmor_parser");

    @TempDir
    Path dir;

    @BeforeEach
    void needsTheParser() {
        Requirements.require(Files.isExecutable(PARSER), "apparmor_parser (Debian package apparmor)");
    }

    private CommandOutput parse(List<String> arguments, String stdin) throws Exception {
        return new ProcessCommandRunner().run(arguments, Optional.of(dir), stdin.getBytes(StandardCharsets.UTF_8),
                Duration.ofSeconds(60));
    }

    @Test
    void anErrorInTextOnStandardInputHasTheLineAndTheParsersWords() throws Exception {
        CommandOutput output = parse(List.of(PARSER.toString(), "-Q", "-K"), "profile t {\n  /bin/ls rx,\n}\n");
        assertThat(output.exitCode()).isNotZero();
        ParserError error = ParserError.find(output.stderr()).orElseThrow();
        assertThat(error.line()).hasValue(2);
        assertThat(error.file()).isEmpty();
        assertThat(error.message()).isEqualTo("Invalid mode, 'x' must be preceded by exec qualifier 'i', 'p', 'c', or 'u'");
        assertThat(error.describe()).startsWith("line 2: Invalid mode");
    }

    @Test
    void aSyntaxErrorAtTheEnd() throws Exception {
        CommandOutput output = parse(List.of(PARSER.toString(), "-Q", "-K"), "profile t {\n  /bin/ls r,\n");
        ParserError error = ParserError.find(output.stderr()).orElseThrow();
        assertThat(error.line()).hasValue(3);
        assertThat(error.message()).startsWith("syntax error, unexpected end of file");
    }

    @Test
    void anErrorInAnIncludedFileNamesThatFile() throws Exception {
        Files.writeString(dir.resolve("rules.inc"), "  /tmp/y rx,\n");
        Path profile = Files.writeString(dir.resolve("p.profile"), "profile t {\n  include \"rules.inc\"\n}\n");
        CommandOutput output = parse(List.of(PARSER.toString(), "-Q", "-K", profile.toString()), "");
        ParserError error = ParserError.find(output.stderr()).orElseThrow();
        assertThat(error.file()).hasValue("rules.inc");
        assertThat(error.line()).hasValue(1);
        assertThat(error.describe()).startsWith("rules.inc, line 1: Invalid mode");
    }

    @Test
    void aRelativeIncludeOfTextOnStandardInputIsFoundFromTheWorkingDirectory() throws Exception {
        Files.writeString(dir.resolve("rules.inc"), "  /tmp/y r,\n");
        CommandOutput output = parse(List.of(PARSER.toString(), "-Q", "-K"), "profile t {\n  include \"rules.inc\"\n}\n");
        assertThat(output.exitCode()).as(output.stderr()).isZero();
        assertThat(ParserError.find(output.stderr())).isEmpty();
    }

    @Test
    void theCacheNoteIsNoErrorAndAnUnknownLineIsKeptWhole() throws IOException {
        assertThat(ParserError.find("Cache read/write disabled: interface file missing. (Kernel needs AppArmor 2.4 "
                + "compatibility patch.)\n")).isEmpty();
        ParserError error = ParserError.find("Cache read/write disabled: x\napparmor_parser: Unable to replace \"abtest\".  "
                + "Permission denied; attempted to load a profile while confined?\n").orElseThrow();
        assertThat(error.line()).isEmpty();
        assertThat(error.message()).startsWith("apparmor_parser: Unable to replace \"abtest\".");
    }
}
