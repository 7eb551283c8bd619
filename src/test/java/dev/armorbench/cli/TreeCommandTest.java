package dev.armorbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TreeCommandTest {
    @TempDir
    Path dir;

    private Path profile;

    private CommandRun tree(String... args) {
        return CommandRun.of(List.of("tree", "-I", dir.resolve("include").toString()), args);
    }

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    @BeforeEach
    void setUp() throws IOException {
        write("include/abi/3.0", "");
        write("include/tunables/global", "");
        write("include/abstractions/base", "/etc/ld.so.cache r,\n");
        profile = write("container.profile", Files.readString(Path.of("samples/container-with-children.profile")));
    }

    @Test
    void textIsAnIndentedTreeWithEntriesAndDiagnostics() throws IOException {
        Path config = write("inspect.json", "[{\"Config\":{\"Entrypoint\":[\"/usr/local/bin/app-server\"],\"Cmd\":null}}]");
        CommandRun run = tree("--image-config", config.toString(), profile.toString());
        assertThat(run.err()).isEmpty();
        assertThat(run.exit()).isZero();
        assertThat(run.out()).startsWith("""
                container-with-children [enforce]  <info: container-capability-flags>
                  ix: stays in container-with-children
                    /bin/sh ix,
                    /bin/busybox ix,
                  cx → container-with-children//app-server
                    /usr/local/bin/app-server cxr -> app-server,  <warning: container-entrypoint-transition-never-fires>
                  cx → container-with-children//log-shipper
                    /usr/local/bin/log-shipper cxr -> log-shipper,
                  app-server [enforce]
                  log-shipper /usr/local/bin/log-shipper [enforce]  <info: container-child-attachment-exec>
                container start
                  exec form: /usr/local/bin/app-server → container-with-children
                  exec form, --init: /usr/local/bin/app-server → container-with-children//app-server
                    the runtime starts /sbin/docker-init → container-with-children
                    /sbin/docker-init execs /usr/local/bin/app-server → container-with-children//app-server
                docker exec
                  docker exec: * → container-with-children
                  docker exec: /usr/local/bin/log-shipper → container-with-children
                """);
        assertThat(run.out()).contains(profile + ":28:3: warning: '/usr/local/bin/app-server' is the container's first "
                + "process (exec form)");
    }

    @Test
    void jsonHasTheDocumentedShape() throws IOException {
        Path dockerfile = write("Dockerfile", "FROM busybox\nCMD /usr/local/bin/log-shipper --follow\n");
        CommandRun run = tree("--dockerfile", dockerfile.toString(), "--format", "json", profile.toString());
        assertThat(run.exit()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.out());
        JsonNode container = json.get("profiles").get(0);
        assertThat(container.get("name").asText()).isEqualTo("container-with-children");
        assertThat(container.get("mode").asText()).isEqualTo("enforce");
        assertThat(container.get("flags").toString()).isEqualTo("[\"attach_disconnected\",\"mediate_deleted\"]");
        assertThat(container.get("children")).hasSize(2);
        assertThat(container.get("children").get(1).get("name").asText()).isEqualTo("container-with-children//log-shipper");
        JsonNode cx = container.get("transitions").get(2);
        assertThat(cx.get("rule").asText()).isEqualTo("/usr/local/bin/app-server cxr -> app-server,");
        assertThat(cx.get("mode").asText()).isEqualTo("cx");
        assertThat(cx.get("target").asText()).isEqualTo("container-with-children//app-server");
        assertThat(cx.get("resolved").asBoolean()).isTrue();
        JsonNode entries = json.get("entries");
        assertThat(entries.get(0).get("via").asText()).isEqualTo("start");
        assertThat(entries.get(0).get("binary").asText()).isEqualTo("/usr/local/bin/log-shipper");
        assertThat(entries.get(0).get("profile").asText()).isEqualTo("container-with-children//log-shipper");
        assertThat(entries.get(entries.size() - 1).get("via").asText()).isEqualTo("exec");
        assertThat(json.get("diagnostics")).isNotEmpty();
        assertThat(json.get("diagnostics").get(0).has("code")).isTrue();
    }

    @Test
    void quickFixesAreInTheJson() throws IOException {
        Path bad = write("bad.profile", "profile web /usr/sbin/nginx {\n}\n");
        CommandRun run = tree("--format", "json", bad.toString());
        JsonNode diagnostics = new ObjectMapper().readTree(run.out()).get("diagnostics");
        JsonNode attachment = null;
        for (JsonNode d : diagnostics) {
            if (d.get("code").asText().equals("container-attachment")) {
                attachment = d;
            }
        }
        assertThat(attachment).isNotNull();
        assertThat(attachment.get("line").asInt()).isEqualTo(1);
        assertThat(attachment.get("column").asInt()).isEqualTo(13);
        assertThat(attachment.get("fix").get("edits").get(0).get("replacement").asText()).isEmpty();
    }

    @Test
    void usageErrorsExitTwoWithAMessage() throws IOException {
        assertThat(tree(dir.resolve("missing").toString()).exit()).isEqualTo(2);
        Path config = write("broken.json", "{not json");
        CommandRun run = tree("--image-config", config.toString(), profile.toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("not JSON").contains("docker image inspect");
        Path dockerfile = write("Dockerfile", "FROM x\n");
        CommandRun both = tree("--image-config", config.toString(), "--dockerfile", dockerfile.toString(), profile.toString());
        assertThat(both.exit()).isEqualTo(2);
        assertThat(both.err()).contains("not both");
    }
}
