package dev.armorbench.container;

import static org.assertj.core.api.Assertions.assertThat;

import dev.armorbench.testing.Requirements;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ModeSwitchTest {
    private static final String PLAIN = """
            #include <tunables/global>
            profile app /usr/bin/app {
              /etc/app.conf r,
              /opt/helper cx -> helper,

              profile helper {
                /opt/helper mr,
              }
              ^hat {
                /tmp/x r,
              }
            }
            """;

    @Test
    void complainModeIsWrittenIntoEveryProfileChildAndHat() {
        String complain = ModeSwitch.apply(PLAIN, ProfileMode.COMPLAIN);

        assertThat(complain).isEqualTo(PLAIN
                .replace("profile app /usr/bin/app {", "profile app /usr/bin/app flags=(complain) {")
                .replace("profile helper {", "profile helper flags=(complain) {")
                .replace("^hat {", "^hat flags=(complain) {"));
        assertThat(ModeSwitch.modeOf(complain)).isEqualTo(ProfileMode.COMPLAIN);
        assertThat(ModeSwitch.edits(complain, ProfileMode.COMPLAIN)).isEmpty();
    }

    @Test
    void enforceRemovesWhatComplainAddedByteForByte() {
        String complain = ModeSwitch.apply(PLAIN, ProfileMode.COMPLAIN);

        assertThat(ModeSwitch.apply(complain, ProfileMode.ENFORCE)).isEqualTo(PLAIN);
        assertThat(ModeSwitch.modeOf(PLAIN)).isEqualTo(ProfileMode.ENFORCE);
        assertThat(ModeSwitch.edits(PLAIN, ProfileMode.ENFORCE)).isEmpty();
    }

    @Test
    void otherFlagsStayAndTheirSeparatorIsKept() {
        String text = "profile a flags=(attach_disconnected,mediate_deleted) {\n}\n"
                + "profile b flags=(attach_disconnected mediate_deleted) {\n}\n"
                + "profile c flags=(complain, attach_disconnected) {\n}\n"
                + "profile d (attach_disconnected,complain) {\n}\n"
                + "profile e flags=(kill) {\n}\n";

        assertThat(ModeSwitch.apply(text, ProfileMode.COMPLAIN)).isEqualTo(
                "profile a flags=(attach_disconnected,mediate_deleted,complain) {\n}\n"
                        + "profile b flags=(attach_disconnected mediate_deleted complain) {\n}\n"
                        + "profile c flags=(complain, attach_disconnected) {\n}\n"
                        + "profile d (attach_disconnected,complain) {\n}\n"
                        + "profile e flags=(complain) {\n}\n");
        assertThat(ModeSwitch.apply(text, ProfileMode.ENFORCE)).isEqualTo(
                "profile a flags=(attach_disconnected,mediate_deleted) {\n}\n"
                        + "profile b flags=(attach_disconnected mediate_deleted) {\n}\n"
                        + "profile c flags=(attach_disconnected) {\n}\n"
                        + "profile d (attach_disconnected) {\n}\n"
                        + "profile e flags=(kill) {\n}\n");
    }

    @Test
    void apparmorParserReadsBothModesAsWritten() throws IOException, InterruptedException {
        Path parser = Path.of("/sbin/apparmor_parser");
        Requirements.require(Files.isExecutable(parser), "apparmor_parser (Debian package apparmor)");
        Path dir = Files.createTempDirectory("mode-switch");
        String base = "profile app flags=(attach_disconnected) {\n  /etc/app.conf r,\n  /opt/helper cx -> helper,\n"
                + "  profile helper {\n    /opt/helper mr,\n  }\n}\n";
        for (ProfileMode mode : new ProfileMode[] {ProfileMode.COMPLAIN, ProfileMode.ENFORCE}) {
            String once = ModeSwitch.apply(base, mode);
            String twice = ModeSwitch.apply(ModeSwitch.apply(once, mode == ProfileMode.COMPLAIN
                    ? ProfileMode.ENFORCE : ProfileMode.COMPLAIN), mode);
            assertThat(twice).isEqualTo(once);
            Path file = dir.resolve(mode.label() + ".profile");
            Files.writeString(file, once);
            Process process = new ProcessBuilder(parser.toString(), "-Q", "-K", "-d", file.toString())
                    .redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as(output).isZero();
            // -d prints the parser's view: complain mode shows as Flags: complain on both profiles.
            if (mode == ProfileMode.COMPLAIN) {
                assertThat(output).contains("complain");
            } else {
                assertThat(output).doesNotContain("complain");
            }
        }
    }
}
