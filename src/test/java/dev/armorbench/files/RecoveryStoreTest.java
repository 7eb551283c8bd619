package dev.armorbench.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Unsaved text kept on disk survives the app's end without a close, and only then is offered back:
 * the apps are real processes, killed as a crash would end them.
 */
class RecoveryStoreTest {
    @TempDir
    Path root;

    @Test
    void aSessionKeepsTheLatestTextOfEachDocumentAndANormalCloseLeavesNothing() throws IOException {
        RecoveryStore store = new RecoveryStore(root);
        RecoveryStore.Session session = store.open();
        session.keep(new RecoveryStore.Snapshot("a1", "/etc/apparmor.d/web", "web", "profile web {\n}\n", 1));
        session.keep(new RecoveryStore.Snapshot("a1", "/etc/apparmor.d/web", "web", "profile web {\n  /x r,\n}\n", 2));
        session.keep(new RecoveryStore.Snapshot("b2", null, "Untitled 1", "# notes\n", 3));
        session.forget("b2");

        assertThat(Files.list(session.folder()).map(p -> p.getFileName().toString()).sorted().toList())
                .containsExactly("a1.json", "lock");
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(session.folder())))
                .isEqualTo("rwx------");
        // A session this process holds is never an orphan.
        assertThat(new RecoveryStore(root).orphans()).isEmpty();

        session.close();
        assertThat(Files.list(root).toList()).isEmpty();
    }

    @Test
    void anAppThatIsKilledLeavesItsTextForTheNextStartAndARunningOneDoesNot() throws Exception {
        Process app = startApp("web", "profile web {\n  /srv/** r,\n}\n");
        try {
            // While the app runs, its session is its own.
            assertThat(new RecoveryStore(root).orphans()).isEmpty();
        } finally {
            app.destroyForcibly().waitFor(60, TimeUnit.SECONDS);
        }

        List<RecoveryStore.Orphan> orphans = new RecoveryStore(root).orphans();
        assertThat(orphans).extracting(orphan -> orphan.snapshot().name() + ": " + orphan.snapshot().text())
                .containsExactly("web: profile web {\n  /srv/** r,\n}\n");
        assertThat(orphans.get(0).snapshot().file()).isEqualTo("/srv/web.profile");

        new RecoveryStore(root).discard(orphans.get(0));
        assertThat(new RecoveryStore(root).orphans()).isEmpty();
        assertThat(Files.list(root).toList()).as("the dead session's folder goes with its last snapshot").isEmpty();
    }

    @Test
    void aSnapshotCutShortIsLeftForAPersonAndTheOthersAreOffered() throws Exception {
        Process app = startApp("web", "profile web {\n}\n");
        app.destroyForcibly().waitFor(60, TimeUnit.SECONDS);
        Path folder = new RecoveryStore(root).orphans().get(0).location().getParent();
        Files.writeString(folder.resolve("broken.json"), "{\"id\":\"broken\",\"text\":\"prof");

        List<RecoveryStore.Orphan> orphans = new RecoveryStore(root).orphans();
        assertThat(orphans).extracting(orphan -> orphan.snapshot().name()).containsExactly("web");
        new RecoveryStore(root).discard(orphans.get(0));
        assertThat(folder.resolve("broken.json")).exists();
    }

    private Process startApp(String name, String text) throws IOException {
        return AppWithUnsavedText.start(root, "/srv/" + name + ".profile", name, text);
    }
}
