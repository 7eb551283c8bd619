package dev.armorbench.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProfileLabelTest {
    @Test
    void splitsTheHierarchy() {
        assertThat(ProfileLabel.parse("docker-default").parts()).containsExactly("docker-default");
        assertThat(ProfileLabel.parse("parent//child").parts()).containsExactly("parent", "child");
        assertThat(ProfileLabel.parse("/usr/sbin/httpd{,2}-prefork//HANDLING_UNTRUSTED_INPUT").parts())
                .containsExactly("/usr/sbin/httpd{,2}-prefork", "HANDLING_UNTRUSTED_INPUT");
    }

    @Test
    void keepsTheSlashOfAChildNamedByPath() {
        ProfileLabel label = ProfileLabel.parse("/usr/local/tomcat/bin/catalina.sh///usr/local/jdk/bin/java");
        assertThat(label.parts()).containsExactly("/usr/local/tomcat/bin/catalina.sh", "/usr/local/jdk/bin/java");
        assertThat(ProfileLabel.parse("a///b//c").parts()).containsExactly("a", "/b", "c");
    }

    @Test
    void recognisesLearningProfiles() {
        ProfileLabel label = ProfileLabel.parse("P//null-/bin/busybox");
        assertThat(label.isLearning()).isTrue();
        assertThat(label.learnedProgram()).isEqualTo("/bin/busybox");
        assertThat(label.root()).isEqualTo("P");
        assertThat(ProfileLabel.parse("/usr/lib/virtualbox/VBoxSVC//null-2d").isLearning()).isTrue();
        assertThat(ProfileLabel.parse("P//child").isLearning()).isFalse();
    }

    @Test
    void knowsItsFamily() {
        assertThat(ProfileLabel.parse("P").inFamilyOf("P")).isTrue();
        assertThat(ProfileLabel.parse("P//child").inFamilyOf("P")).isTrue();
        assertThat(ProfileLabel.parse("P///bin/x").inFamilyOf("P")).isTrue();
        assertThat(ProfileLabel.parse("PX").inFamilyOf("P")).isFalse();
        assertThat(ProfileLabel.parse("P/x").inFamilyOf("P")).isFalse();
    }
}
