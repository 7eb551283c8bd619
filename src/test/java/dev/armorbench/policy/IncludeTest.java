package dev.armorbench.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.armorbench.policy.check.LintResult;
import dev.armorbench.policy.check.PolicyReader;
import dev.armorbench.policy.check.PolicySources;
import dev.armorbench.policy.model.Rule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IncludeTest {
    @TempDir
    Path root;

    private Path write(String name, String text) throws IOException {
        Path file = root.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    private LintResult lint(Path file) throws IOException {
        return PolicyReader.lint(file, new PolicySources(List.of(root.resolve("etc")), root));
    }

    @Test
    void angleIncludesUseTheSearchPathAndQuotedOnesTheBase() throws IOException {
        write("etc/abstractions/one", "/one r,\n");
        write("local/two", "/two r,\n");
        Path profile = write("p", "profile p {\n  include <abstractions/one>\n  include \"local/two\"\n}\n");
        LintResult result = lint(profile);
        assertThat(result.diagnostics()).isEmpty();
        assertThat(result.policy().profiles().get(0).rules()).extracting(Rule::canonical).containsExactly("/one r,", "/two r,");
    }

    @Test
    void anIncludeThatIsNoTextSaysWhyOnce() throws IOException {
        Path binary = root.resolve("etc/abstractions/core");
        Files.createDirectories(binary.getParent());
        Files.write(binary, new byte[] {0x7f, 'E', 'L', 'F', 0});
        Path profile = write("p", "profile p {\n  include <abstractions/core>\n}\n");

        assertThat(lint(profile).diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo("include-unreadable");
            assertThat(d.message()).isEqualTo("cannot read '" + binary
                    + "': it holds binary data (a NUL byte at offset 4), not the text of a policy");
        });
    }

    @Test
    void aMissingSearchPathIsNamedWithHowToGetIt() throws IOException {
        write("etc/abstractions/one", "/one r,\n");
        Path profile = write("p", "include <tunables/global>\nprofile p {\n  include <abstractions/two>\n}\n");

        LintResult withSearchPath = lint(profile);
        LintResult withoutSearchPath = PolicyReader.lint(profile,
                new PolicySources(List.of(root.resolve("no-such-dir")), root));

        assertThat(withSearchPath.diagnostics()).extracting(d -> d.message())
                .allMatch(message -> message.contains("in the include search path (add a directory with -I)"));
        assertThat(withoutSearchPath.diagnostics()).hasSize(2).allSatisfy(d -> {
            assertThat(d.code()).isEqualTo("include-not-found");
            assertThat(d.message()).contains(root.resolve("no-such-dir") + ") does not exist", "apt install apparmor",
                    "View → Include Search Path");
        });
    }

    @Test
    void anAbiTheSearchPathLacksNamesTheOnesItHas() throws IOException {
        write("etc/abi/3.0", "");
        write("etc/abi/kernel-5.4-vanilla", "");
        Path profile = write("p", "abi <abi/4.0>,\nprofile p {\n}\n");

        assertThat(lint(profile).diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo("abi-not-found");
            assertThat(d.message()).isEqualTo("cannot find the abi file 'abi/4.0': this machine's policy has abi/3.0,"
                    + " abi/kernel-5.4-vanilla; write 'abi <abi/3.0>,' to load it here, or fix the include path (-I)");
        });
        Files.delete(root.resolve("etc/abi/3.0"));
        Files.delete(root.resolve("etc/abi/kernel-5.4-vanilla"));
        assertThat(lint(profile).diagnostics()).singleElement().satisfies(d -> assertThat(d.message())
                .isEqualTo("cannot find the abi file 'abi/4.0'; fix the name or the include path (-I)"));
    }

    @Test
    void directoryIncludesReadFilesSkippingBackupsAndSubdirectories() throws IOException {
        write("etc/d/a", "/a r,\n");
        write("etc/d/b.dpkg-new", "garbage {\n");
        write("etc/d/c~", "garbage {\n");
        write("etc/d/.hidden", "garbage {\n");
        write("etc/d/sub/e", "garbage {\n");
        write("etc/d/f.rpmsave", "garbage {\n");
        Path profile = write("p", "profile p {\n  include <d>\n}\n");
        LintResult result = lint(profile);
        assertThat(result.diagnostics()).isEmpty();
        assertThat(result.policy().profiles().get(0).rules()).extracting(Rule::canonical).containsExactly("/a r,");
    }

    @Test
    void ifExistsToleratesAbsenceAndCyclesAreReportedNotFollowed() throws IOException {
        write("etc/loop/a", "include <loop/b>\n/a r,\n");
        write("etc/loop/b", "include <loop/a>\n/b r,\n");
        Path profile = write("p", "profile p {\n  include if exists <not/there>\n  include <loop/a>\n}\n");
        LintResult result = lint(profile);
        assertThat(result.hasErrors()).isFalse();
        assertThat(result.diagnostics()).extracting(d -> d.code()).containsExactly("include-cycle");
        assertThat(result.policy().profiles().get(0).rules()).extracting(Rule::canonical).containsExactly("/b r,", "/a r,");
    }

    @Test
    void variablesFromTunablesExpandAndBuiltinsAreDefinedInProfiles() throws IOException {
        write("etc/tunables/global", "@{HOME} = /home/*/ /root/\n@{HOME} += /srv/home/\n");
        Path profile = write("p", "include <tunables/global>\nprofile p /usr/bin/p {\n  @{HOME}/x r,\n  /run/@{profile_name}/ r,\n"
                + "  @{exec_path} mr,\n}\n");
        LintResult result = lint(profile);
        assertThat(result.diagnostics()).isEmpty();
        assertThat(result.policy().variables().get("HOME")).containsExactly("/home/*/", "/root/", "/srv/home/");
    }

    @Test
    void parsedIncludesAreSharedAcrossPolicies() throws IOException {
        Path base = write("etc/abstractions/base", "/etc/ld.so.cache r,\n");
        Path one = write("one", "profile one {\n  include <abstractions/base>\n}\n");
        Path two = write("two", "profile two {\n  include <abstractions/base>\n}\n");
        PolicySources sources = new PolicySources(List.of(root.resolve("etc")), root);
        PolicyReader.lint(one, sources);
        Files.writeString(base, "this would now be an error {\n");
        LintResult second = PolicyReader.lint(two, sources);
        assertThat(second.hasErrors()).as("base was read once, before it changed").isFalse();
        sources.forget(base);
        assertThat(PolicyReader.lint(two, sources).hasErrors()).isTrue();
    }
}
