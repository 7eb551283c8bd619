package dev.armorbench.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.armorbench.policy.check.Diagnostic;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProfileCorporaTest {
    /**
     * Errors in the apparmor.d collection that are real: a rule without its comma before '}'
     * (apparmor_parser 3.0.8 rejects the same text: "unexpected TOK_CLOSE, expecting TOK_END_OF_RULE"),
     * and @{appid}, used by an abstraction that steam-game-proton/-native include without defining it
     * (the reference rejects undefined variables), and dpkg-scripts' '@{bin}/** mrPUx' beside the
     * 'rmix' of AppArmor's own abstractions/perl for '/usr/bin/perl[0-9].[0-9].[0-9]': two patterns
     * that meet with different exec modes ("profile has merged rule with conflicting x modifiers"
     * from apparmor_parser 3.0.8 for the two rules alone; AppArmor 4's DFA keeps the check), and
     * umu-bwrap's 'steam-runtime-tools-@{d}/pv-adverb Px' beside the 'steam-runtime-tools-@{d}/** ix'
     * of abstractions/common/pressure-vessel (@{d} is '[0-9]', so both are patterns; the same
     * message for the two rules alone). Anything else fails the test.
     */
    private static final Map<String, String> KNOWN_BROKEN = Map.of(
            "groups/postgresql-common/pg_dropcluster", "missing-comma",
            "abstractions/flatpak/platform/org.freedesktop", "undefined-variable",
            "groups/apt/dpkg-scripts", "conflicting-exec-modes",
            "groups/umu/umu-bwrap", "conflicting-exec-modes");

    @Test
    void shippedProfilesLintWithoutErrors() throws IOException {
        ProfileCorpora.Result result = ProfileCorpora.lint(Corpora.root());
        List<Diagnostic> unexplained = result.errors().stream().filter(d -> !isKnown(d)).toList();
        for (Diagnostic d : result.errors()) {
            System.out.println((isKnown(d) ? "known upstream error: " : "ERROR: ") + d.source().path() + ":" + d.line()
                    + ":" + d.column() + ": " + d.message() + " [" + d.code() + "]");
        }
        System.out.println("profiles linted: " + result.files() + "; errors left: " + result.errors().size() + " ("
                + unexplained.size() + " not known upstream errors)");
        assertThat(result.files()).isGreaterThan(1900);
        assertThat(unexplained).isEmpty();
    }

    private static boolean isKnown(Diagnostic d) {
        String path = d.source().path().toString().replace('\\', '/');
        return KNOWN_BROKEN.entrySet().stream().anyMatch(e -> path.endsWith("profiles-apparmor.d/" + e.getKey())
                && e.getValue().equals(d.code()));
    }
}
