package dev.armorbench.container;

import static org.assertj.core.api.Assertions.assertThat;

import dev.armorbench.testing.ReferenceParser;
import java.io.IOException;
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
        String base = "profile app flags=(attach_disconnected) {\n  /etc/app.conf r,\n  /opt/helper cx -> helper,\n"
                + "  profile helper {\n    /opt/helper mr,\n  }\n}\n";
        for (ProfileMode mode : new ProfileMode[] {ProfileMode.COMPLAIN, ProfileMode.ENFORCE}) {
            String once = ModeSwitch.apply(base, mode);
            String twice = ModeSwitch.apply(ModeSwitch.apply(once, mode == ProfileMode.COMPLAIN
                    ? ProfileMode.ENFORCE : ProfileMode.COMPLAIN), mode);
            assertThat(twice).isEqualTo(once);
            ReferenceParser.Run run = ReferenceParser.compile(once, "-d");
            String output = run.output();
            assertThat(run.compiled()).as(output).isTrue();
            // -d prints the parser's view: complain mode shows as Flags: complain on both profiles.
            if (mode == ProfileMode.COMPLAIN) {
                assertThat(output).contains("complain");
            } else {
                assertThat(output).doesNotContain("complain");
            }
        }
    }
}
