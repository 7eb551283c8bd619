package dev.armorbench.trial.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoadedProfilesTest {
    @Test
    void everyModeTheKernelPrintsIsKeptWithItsName() {
        LoadedProfiles loaded = LoadedProfiles.parse("""
                docker-default (enforce)
                abtest (enforce)
                abtest//helper (complain)
                killer (kill)
                /usr/bin/free (unconfined)
                asker (prompt)
                """);
        assertThat(loaded.known()).isTrue();
        assertThat(loaded.modes()).containsExactly(
                java.util.Map.entry("docker-default", "enforce"),
                java.util.Map.entry("abtest", "enforce"),
                java.util.Map.entry("abtest//helper", "complain"),
                java.util.Map.entry("killer", "kill"),
                java.util.Map.entry("/usr/bin/free", "unconfined"),
                java.util.Map.entry("asker", "prompt"));
        assertThat(loaded.mode("abtest//helper")).hasValue("complain");
        assertThat(loaded.isLoaded("abtest//nothere")).isFalse();
    }

    @Test
    void aNameWithSpacesAndParenthesesKeepsThemTheModeIsTheLastWord() {
        LoadedProfiles loaded = LoadedProfiles.parse("my app (beta) (complain)\n:ns:in a namespace (enforce)\n");
        assertThat(loaded.mode("my app (beta)")).hasValue("complain");
        assertThat(loaded.mode(":ns:in a namespace")).hasValue("enforce");
    }

    @Test
    void linesWithoutAModeAreSkipped() {
        LoadedProfiles loaded = LoadedProfiles.parse("\nnot a profile line\n(enforce)\nok (enforce)");
        assertThat(loaded.modes()).containsOnlyKeys("ok");
    }

    @Test
    void aMissingListIsUnknownNotEmpty(@TempDir Path dir) {
        LoadedProfiles loaded = LoadedProfiles.read(dir.resolve("profiles"));
        assertThat(loaded.known()).isFalse();
        assertThat(loaded.whyUnknown()).contains("does not exist").contains("AppArmor is not enabled");
        assertThat(loaded.mode("abtest")).isEmpty();
    }

    @Test
    void anUnreadableListIsUnknownWithTheReason(@TempDir Path dir) throws IOException {
        Path directory = Files.createDirectory(dir.resolve("profiles"));
        LoadedProfiles loaded = LoadedProfiles.read(directory);
        assertThat(loaded.known()).isFalse();
        assertThat(loaded.whyUnknown()).startsWith("cannot read the kernel's list " + directory);
    }

    @Test
    void aReadableListIsParsed(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("profiles"), "abtest (enforce)\n");
        assertThat(LoadedProfiles.read(file).mode("abtest")).hasValue("enforce");
    }
}
