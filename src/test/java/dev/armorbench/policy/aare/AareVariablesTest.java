package dev.armorbench.policy.aare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AareVariablesTest {

    private final AareVariables vars = new AareVariables(Map.of(
            "HOME", List.of("@{HOMEDIRS}/*/", "/root/"),
            "HOMEDIRS", List.of("/home/"),
            "multiarch", List.of("*-linux-gnu*"),
            "one", List.of("x"),
            "A", List.of("a@{B}"),
            "B", List.of("b@{A}"),
            "Empty", List.of()));

    @Test
    void singleValueIsInsertedAsIs() {
        assertThat(vars.expand("/usr/lib/@{multiarch}/**")).isEqualTo("/usr/lib/*-linux-gnu*/**");
    }

    @Test
    void severalValuesBecomeAnAlternationWithSlashesTrimmedAtTheJoins() {
        // Inside a variable's own values nothing is trimmed; the rule's slash filter collapses "//" later.
        assertThat(vars.expand("@{HOME}/.bashrc")).isEqualTo("{/home//*,/root}/.bashrc");
        assertThat(vars.valuesOf("HOME")).containsExactly("/home//*/", "/root/");
        AarePattern p = AarePattern.compilePath(vars.expand("@{HOME}/.bashrc"));
        assertThat(p.matches("/home/alice/.bashrc")).isTrue();
        assertThat(p.matches("/root/.bashrc")).isTrue();
        assertThat(p.matches("/etc/.bashrc")).isFalse();
        assertThat(vars.expand("/x/@{HOME}")).isEqualTo("/x/{home//*/,root/}");
    }

    @Test
    void escapedReferenceIsLeftAlone() {
        assertThat(vars.expand("/a/\\@{one}")).isEqualTo("/a/\\@{one}");
        assertThat(vars.expand("/a/\\\\@{one}")).isEqualTo("/a/\\\\x");
    }

    @Test
    void errorsNameTheVariableAndTheFix() {
        assertThatThrownBy(() -> vars.expand("/a/@{nope}/b")).isInstanceOf(AareSyntaxException.class)
                .hasMessageContaining("@{nope} is not defined")
                .satisfies(e -> assertThat(((AareSyntaxException) e).problem().start()).isEqualTo(3));
        assertThatThrownBy(() -> vars.expand("/a/@{A}")).isInstanceOf(AareSyntaxException.class)
                .hasMessageContaining("refers to itself").hasMessageContaining("@{A} -> @{B} -> @{A}");
        assertThatThrownBy(() -> vars.expand("/a/@{1x}")).isInstanceOf(AareSyntaxException.class)
                .hasMessageContaining("not a variable name");
        assertThatThrownBy(() -> vars.expand("/a/@{one")).isInstanceOf(AareSyntaxException.class)
                .hasMessageContaining("never closed");
        assertThatThrownBy(() -> vars.expand("@{Empty}")).isInstanceOf(AareSyntaxException.class)
                .hasMessageContaining("no values");
    }
}
