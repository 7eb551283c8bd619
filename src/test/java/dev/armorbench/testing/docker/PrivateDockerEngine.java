package dev.armorbench.testing.docker;

import dev.armorbench.trial.DockerEndpoint;
import dev.armorbench.trial.DockerEngine;
import dev.armorbench.trial.DockerEngineException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A Docker engine of the tests' own: Debian's {@code dockerd} on a private socket with a fresh data
 * root, exec root and pidfile in a temporary directory, so it never touches (or needs) the system's
 * engine. Start takes about a second; {@link #stop()} sends SIGTERM and waits, then removes the
 * directory.
 */
public final class PrivateDockerEngine implements AutoCloseable {
    /** Generous: a 2-core machine shared with other builds can be slow to start a daemon. */
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

    private final Path directory;
    private final Process dockerd;
    private final DockerEndpoint endpoint;
    private final String namespace;

    private PrivateDockerEngine(Path directory, Process dockerd, DockerEndpoint endpoint, String namespace) {
        this.directory = directory;
        this.dockerd = dockerd;
        this.endpoint = endpoint;
        this.namespace = namespace;
    }

    /** Starts an engine and waits until it answers a ping. */
    public static PrivateDockerEngine start() throws IOException, InterruptedException {
        Path dockerdBinary = HostTools.find("dockerd").orElseThrow(() -> new IOException("dockerd is not installed"));
        // Short path: a unix socket path must fit in 108 bytes.
        Path directory = Files.createTempDirectory(Path.of("/tmp"), "armorbench-dockerd-");
        Path socket = directory.resolve("docker.sock");
        // Its own containerd namespace: if a system containerd is running, dockerd uses it, and two
        // engines in one namespace would see each other's containers.
        String namespace = "armorbench-test-" + UUID.randomUUID().toString().substring(0, 8);
        ProcessBuilder builder = new ProcessBuilder(dockerdBinary.toString(),
                "--host", "unix://" + socket,
                "--data-root", directory.resolve("data").toString(),
                "--exec-root", directory.resolve("exec").toString(),
                "--pidfile", directory.resolve("docker.pid").toString(),
                "--iptables=false", "--bridge=none",
                "--containerd-namespace", namespace,
                "--containerd-plugins-namespace", namespace + "-plugins",
                "--shutdown-timeout", "5")
                .redirectErrorStream(true)
                .redirectOutput(directory.resolve("dockerd.log").toFile());
        builder.environment().remove("DOCKER_HOST");
        Process process = builder.start();
        PrivateDockerEngine engine = new PrivateDockerEngine(directory, process, DockerEndpoint.of("unix://" + socket),
                namespace);
        try {
            engine.awaitPing();
        } catch (IOException | RuntimeException e) {
            engine.close();
            throw e;
        }
        return engine;
    }

    /** Retries the ping while the daemon starts; only the start-up is retried, never a test's own calls. */
    private void awaitPing() throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        String lastProblem = "no answer yet";
        try (DockerEngine client = DockerEngine.connect(endpoint)) {
            while (Instant.now().isBefore(deadline)) {
                if (!dockerd.isAlive()) {
                    throw new IOException("dockerd exited with " + dockerd.exitValue() + " while starting:\n" + logTail());
                }
                try {
                    client.ping(Duration.ofSeconds(5));
                    return;
                } catch (DockerEngineException e) {
                    lastProblem = e.getMessage();
                }
                Thread.sleep(100);
            }
        } catch (DockerEngineException e) {
            throw new IOException(e.getMessage(), e);
        }
        throw new IOException("dockerd did not answer within " + START_TIMEOUT.toSeconds() + " s (" + lastProblem
                + "):\n" + logTail());
    }

    public DockerEndpoint endpoint() {
        return endpoint;
    }

    public Path socket() {
        return endpoint.socketPath().orElseThrow();
    }

    public Path directory() {
        return directory;
    }

    public boolean isRunning() {
        return dockerd.isAlive();
    }

    /** The {@code docker} command found on this machine. */
    public Path dockerCommand() throws IOException {
        return HostTools.find("docker").orElseThrow(() -> new IOException("the docker command is not installed"));
    }

    /** Runs the {@code docker} command against this engine, with a config directory of its own. */
    public String docker(List<String> arguments, Duration timeout) throws IOException, InterruptedException {
        Path docker = dockerCommand();
        List<String> command = new java.util.ArrayList<>(List.of(docker.toString(), "--host", endpoint.host()));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("DOCKER_CONFIG", directory.resolve("cli-config").toString());
        builder.environment().remove("DOCKER_HOST");
        builder.environment().remove("DOCKER_CONTEXT");
        Process process = builder.start();
        process.getOutputStream().close();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new IOException("docker " + arguments + " did not finish within " + timeout.toSeconds() + " s");
        }
        String text = new String(output, StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
            throw new IOException("docker " + arguments + " failed with " + process.exitValue() + ": " + text);
        }
        return text;
    }

    /**
     * Kills the engine (SIGKILL), as a crash would. Its containers keep running, orphaned;
     * {@link #close()} cleans them up.
     */
    public void kill() throws InterruptedException {
        dockerd.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }

    /** Stops the engine gracefully (SIGTERM) and waits for it; the engine's containers are stopped by it. */
    public void stop() throws InterruptedException {
        if (dockerd.isAlive()) {
            dockerd.destroy();
            if (!dockerd.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                dockerd.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        // dockerd supervises its own containerd; after a forced stop it may outlive it.
        managedContainerdPid().flatMap(ProcessHandle::of).ifPresent(containerd -> {
            containerd.destroy();
            containerd.onExit().orTimeout(10, TimeUnit.SECONDS).exceptionally(e -> {
                containerd.destroyForcibly();
                return containerd;
            }).join();
        });
        killOrphanedContainers();
    }

    /**
     * After a killed engine: the containerd shims of this engine's namespace (found by their command
     * line) and the container processes under them outlive it. Each container's processes are killed
     * first, then the shims; the containers' mounts are released in {@link #close()}.
     */
    private void killOrphanedContainers() {
        List<ProcessHandle> shims = ProcessHandle.allProcesses()
                .filter(process -> process.info().arguments().map(List::of).orElse(List.of()).contains(namespace))
                .toList();
        for (ProcessHandle shim : shims) {
            shim.descendants().forEach(ProcessHandle::destroyForcibly);
            shim.destroyForcibly();
            shim.onExit().orTimeout(10, TimeUnit.SECONDS).exceptionally(e -> shim).join();
        }
    }

    /** Mounts a killed engine left under the directory (container root filesystems), deepest first. */
    private List<String> leftoverMounts() {
        try {
            return Files.readAllLines(Path.of("/proc/self/mountinfo")).stream()
                    .map(line -> line.split(" ")[4].replace("\\040", " "))
                    .filter(mountPoint -> mountPoint.startsWith(directory.toString() + "/"))
                    .sorted(java.util.Comparator.comparingInt(String::length).reversed())
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private Optional<Long> managedContainerdPid() {
        try {
            return Optional.of(Long.parseLong(Files.readString(
                    directory.resolve("exec").resolve("containerd").resolve("containerd.pid")).strip()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The last lines of the daemon's log, for failure messages. */
    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(directory.resolve("dockerd.log"));
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** Stops the engine and removes its directory; an interrupt is kept for the caller to see. */
    @Override
    public void close() {
        try {
            stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            for (String mountPoint : leftoverMounts()) {
                new ProcessBuilder("umount", "-l", mountPoint).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(30, TimeUnit.SECONDS);
            }
            // --one-file-system: never follow a mount that a failed stop left behind.
            new ProcessBuilder("rm", "-rf", "--one-file-system", directory.toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start().waitFor(60, TimeUnit.SECONDS);
        } catch (IOException e) {
            System.err.println("Could not remove " + directory + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
