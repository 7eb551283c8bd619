package dev.armorbench.suggest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.armorbench.policy.aare.AarePattern;
import dev.armorbench.policy.check.LintResult;
import dev.armorbench.policy.model.FileRule;
import dev.armorbench.policy.model.Profile;
import dev.armorbench.policy.model.Rule;
import dev.armorbench.testing.Requirements;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Names from a log are data: file names and profile labels crafted to break out of a rule (quotes,
 * commas, newlines, braces, globs, variables, comments) arrive hex-encoded as the kernel writes
 * them, and every rule and header suggested for them must mean exactly that one name — checked with
 * the policy engine, the AARE matcher and, where installed, apparmor_parser.
 */
class HostileNamesTest {
    static final List<String> NAMES = List.of(
            "/tmp/a b", "/tmp/q\"uote", "/tmp/c,omma", "/tmp/new\nline", "/tmp/{a,b}", "/tmp/[ab]", "/tmp/st*r",
            "/tmp/q?", "/tmp/@{HOME}", "/tmp/#hash", "/tmp/x, /** rwx,", "/tmp/x,\n  capability sys_admin,\n  /y r",
            "/tmp/ba\\ck", "/tmp/tab\there", "/tmp/end\\", "/tmp/} flags=(complain) {", "/tmp/\u00e9t\u00e9",
            "/tmp/dir with space/", "/proc/123/a b", "/tmp/\"", "/tmp/!bang", "/tmp/x\\\" r,\n/** w");

    @TempDir
    Path dir;

    private static String hex(String text) {
        return HexFormat.of().withUpperCase().formatHex(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String line(String label, String name) {
        return "type=AVC msg=audit(1.2:3): apparmor=\"DENIED\" operation=\"open\" class=\"file\" profile=" + hex(label)
                + " name=" + hex(name) + " pid=1 comm=\"x\" requested_mask=\"r\" denied_mask=\"r\" fsuid=0 ouid=1";
    }

    @Test
    void everyAlternativeMatchesTheOneNameAndAddsNothing() throws Exception {
        List<String> profilesForParser = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int n = 0; n < NAMES.size(); n++) {
            String name = NAMES.get(n);
            StringBuilder all = new StringBuilder();
            // A hostile profile label too, except "@{" (apparmor_parser reads it as a variable in any
            // header), backslashes (read back doubled) and unbalanced braces (apparmor_parser compiles
            // names as AARE and refuses them): such labels get no suggestions at all.
            String label = name.contains("@{") || name.contains("\\") || name.contains("} flags") ? "evil" + n : "evil" + name;
            List<Suggestion> suggestions = SuggestFixtures.suggest(KnownProfiles.none(), line(label, name));
            assertThat(suggestions).as(name).hasSize(1);
            Suggestion s = suggestions.get(0);
            assertThat(s.profile()).isEqualTo(ProfilePath.of(label));
            for (Alternative alternative : s.alternatives()) {
                String profile = NewProfiles.header(label, false) + " {\n  " + alternative.rule() + "\n}\n";
                LintResult read = SuggestFixtures.policy(profile, List.of());
                assertThat(read.hasErrors()).as(profile + read.diagnostics()).isFalse();
                assertThat(read.policy().profiles()).as(profile).hasSize(1);
                Profile p = read.policy().profiles().get(0);
                // The engine keeps a quoted name's escapes as written; apparmor_parser decodes them.
                assertThat(decodeEscapes(p.name())).as(profile).isEqualTo(label);
                assertThat(p.flags()).as(profile).isEmpty();
                assertThat(p.children()).as(profile).isEmpty();
                assertThat(p.rules()).as(profile).hasSize(1);
                Rule rule = p.rules().get(0);
                assertThat(rule).as(profile).isInstanceOf(FileRule.class);
                FileRule file = (FileRule) rule;
                assertThat(file.perms()).isEqualTo("r");
                AarePattern pattern = AarePattern.compilePath(file.path().replace("@{PROC}", "/proc").replace("@{pid}", "{[1-9],[1-9][0-9]*}"));
                assertThat(pattern.matches(name)).as(profile).isTrue();
                if (alternative.label().equals("exact")) {
                    assertThat(pattern.isLiteral()).as(profile).isTrue();
                    assertThat(pattern.literal()).as(profile).contains(name);
                } else {
                    // A broader alternative stays below the name's own directory.
                    String dirOfName = name.substring(0, name.lastIndexOf('/', name.length() - 2) + 1);
                    assertThat(pattern.matches("/etc/shadow")).as(profile).isFalse();
                    assertThat(pattern.literalPrefix()).as(profile).startsWith(dirOfName.startsWith("/proc/") ? "/proc/" : dirOfName);
                }
                all.append("  ").append(alternative.rule()).append('\n');
            }
            profilesForParser.add(NewProfiles.header(label, false) + " {\n" + all + "}\n");
            names.add(label);
        }
        checkWithApparmorParser(profilesForParser, names);
    }

    /** Octal escapes and backslash-escaped characters of a quoted name, as apparmor_parser reads them. */
    static String decodeEscapes(String text) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\\' && i + 3 < bytes.length + 0 && isOctal(bytes[i + 1]) && isOctal(bytes[i + 2]) && isOctal(bytes[i + 3])) {
                out.write((bytes[i + 1] - '0') * 64 + (bytes[i + 2] - '0') * 8 + (bytes[i + 3] - '0'));
                i += 3;
            } else if (bytes[i] == '\\' && i + 1 < bytes.length) {
                out.write(bytes[++i]);
            } else {
                out.write(bytes[i]);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static boolean isOctal(byte b) {
        return b >= '0' && b <= '7';
    }

    private void checkWithApparmorParser(List<String> profiles, List<String> names) throws IOException, InterruptedException {
        Path parser = Path.of("/sbin/apparmor_parser");
        if (!Files.isExecutable(parser)) {
            parser = Path.of("/usr/sbin/apparmor_parser");
        }
        Requirements.require(Files.isExecutable(parser), "apparmor_parser (Debian package apparmor)");
        // One file with every profile: two runs of the parser instead of two per name.
        {
            Path file = dir.resolve("all");
            Files.writeString(file, String.join("", profiles));
            int i = 0;
            Process process = new ProcessBuilder(parser.toString(), "-Q", "-K", file.toString())
                    .redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as(String.join("", profiles) + output).isZero();
            // -N prints the profile names the parser read: exactly the label, nothing more.
            Process namesRun = new ProcessBuilder(parser.toString(), "-N", file.toString()).start();
            String printed = new String(namesRun.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(namesRun.waitFor(30, TimeUnit.SECONDS)).isTrue();
            // The parser lists names in its own order; a name with a newline spans two lines.
            assertThat(printed.split("\n")).as(printed)
                    .containsExactlyInAnyOrder(String.join("\n", names).split("\n"));
        }
    }

    @Test
    void aLabelWithAVariableReferenceGetsNothing() {
        assertThat(SuggestFixtures.suggest(KnownProfiles.none(), line("p//null-/tmp/@{x}", "/etc/a"))).hasSize(1);
        assertThat(SuggestFixtures.suggest(KnownProfiles.none(), line("p@{HOME}", "/etc/a"))).isEmpty();
        assertThat(SuggestFixtures.suggest(KnownProfiles.none(), line("p\\q", "/etc/a"))).isEmpty();
        assertThat(SuggestFixtures.suggest(KnownProfiles.none(), line("p} flags=(complain) {", "/etc/a"))).isEmpty();
    }

    @Test
    void hostileNamesInOtherClassesStayData() {
        String peer = "q peer=(label=unconfined) set=(kill)";
        String signal = "type=AVC msg=audit(1.2:3): apparmor=\"DENIED\" operation=\"signal\" class=\"signal\" profile=\"p\" pid=1"
                + " comm=\"x\" requested_mask=\"send\" denied_mask=\"send\" signal=term peer=" + hex(peer);
        Suggestion s = SuggestFixtures.suggest(KnownProfiles.none(), signal).get(0);
        LintResult read = SuggestFixtures.policy("profile p {\n  " + s.chosen().rule() + "\n}\n", List.of());
        assertThat(read.hasErrors()).as(s.chosen().rule()).isFalse();
        assertThat(read.policy().profiles().get(0).rules()).hasSize(1);
        assertThat(s.chosen().rule()).isEqualTo("signal send set=term peer=\"q\\040peer=(label=unconfined)\\040set=(kill)\",".replace("\\040", " "));
        Map<String, String> rendered = NewProfiles.render(List.of(s));
        assertThat(rendered).containsKey("p");
    }
}
