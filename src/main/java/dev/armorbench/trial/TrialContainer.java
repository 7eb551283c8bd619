package dev.armorbench.trial;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.command.TopContainerResponse;
import com.github.dockerjava.api.command.WaitContainerResultCallback;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import dev.armorbench.trial.EngineProblem.Kind;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A container ArmorBench created for a trial: start it, follow its output, wait for its exit, look
 * at its processes and their AppArmor labels, exec into it, stop and remove it. Calls made after the
 * engine went away fail with {@link Kind#ENGINE_GONE}: once a container existed, a missing socket
 * means the engine stopped, not that there never was one.
 */
public final class TrialContainer {
    /** How long the end-of-output check may ask the engine whether the container still runs. */
    private static final Duration END_CHECK = Duration.ofSeconds(5);
    /** Between two questions of the end-of-output check about a container the engine still calls running. */
    private static final Duration END_CHECK_PAUSE = Duration.ofMillis(100);

    private final DockerEngine engine;
    private final String id;

    TrialContainer(DockerEngine engine, String id) {
        this.engine = engine;
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** The twelve hex digits {@code docker ps} shows. */
    public String shortId() {
        return id.length() > 12 ? id.substring(0, 12) : id;
    }

    public void start(Duration timeout) throws DockerEngineException {
        call("starting container " + shortId(), timeout, () -> engine.client().startContainerCmd(id).exec());
    }

    /**
     * Starts the container and follows its output from the first byte (see {@link #followOutput}).
     *
     * @return closing it stops following
     */
    public Closeable start(ContainerOutputListener listener, Duration timeout) throws DockerEngineException {
        start(timeout);
        return followOutput(listener);
    }

    /**
     * Follows the container's stdout and stderr from its start (the engine keeps the log, so nothing
     * written before this call is lost); call it after {@link #start}, because following a container
     * that has not started ends at once, each frame to the listener as it
     * arrives, until the container exits or the engine goes away; then {@link ContainerOutputListener#onEnd}
     * once. The engine stopping gracefully ends the stream exactly like an exit does, so at the end
     * the engine and the container are checked: an engine that no longer accepts connections, or a
     * container still running, means the engine went away.
     *
     * @return closing it stops following (the listener's {@code onEnd} is then not called)
     */
    public Closeable followOutput(ContainerOutputListener listener) {
        OutputFollower follower = new OutputFollower(listener);
        engine.client().logContainerCmd(id).withFollowStream(true).withStdOut(true).withStdErr(true)
                .exec(follower);
        return follower;
    }

    /**
     * Waits for the container to exit.
     *
     * @throws DockerEngineException {@link Kind#TIMED_OUT} when it still runs after {@code timeout} (it is left
     *                               running: stop it), {@link Kind#ENGINE_GONE} when the engine went away
     */
    public ContainerExit awaitExit(Duration timeout) throws DockerEngineException {
        String action = "waiting for container " + shortId() + " to exit";
        Instant deadline = Instant.now().plus(timeout);
        WaitContainerResultCallback waiting;
        try {
            waiting = engine.client().waitContainerCmd(id).exec(new WaitContainerResultCallback());
        } catch (RuntimeException e) {
            throw failure(e, action);
        }
        try {
            if (!waiting.awaitCompletion(Math.max(1, timeout.toMillis()), TimeUnit.MILLISECONDS)) {
                throw new DockerEngineException(new EngineProblem(Kind.TIMED_OUT, "Container " + shortId()
                        + " was still running after " + DockerEngine.describe(timeout) + ". Stop it, or wait longer."));
            }
            waiting.awaitStatusCode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw cancelled(action, e);
        } catch (RuntimeException e) {
            throw failure(e, action);
        } finally {
            closeQuietly(waiting);
        }
        if (!engine.acceptsNewConnections()) {
            // The engine stopped the container while shutting down: not the container's own exit.
            throw new DockerEngineException(EngineFailures.engineGone(engine.endpoint(), action));
        }
        InspectContainerResponse inspected = inspect(DockerEngine.remaining(deadline));
        InspectContainerResponse.ContainerState state = inspected.getState();
        if (Boolean.TRUE.equals(state.getRunning())) {
            // The wait ended without the container ending: the engine is shutting down.
            throw new DockerEngineException(EngineFailures.engineGone(engine.endpoint(), action));
        }
        return new ContainerExit(state.getExitCodeLong() == null ? -1 : state.getExitCodeLong(),
                Boolean.TRUE.equals(state.getOOMKilled()), between(state.getStartedAt(), state.getFinishedAt()));
    }

    /** Asks the container to stop: SIGTERM, then SIGKILL after the grace period. Stopping a stopped one is fine. */
    public void stop(Duration gracePeriod, Duration timeout) throws DockerEngineException {
        int seconds = (int) Math.max(0, gracePeriod.toSeconds());
        try {
            call("stopping container " + shortId(), timeout,
                    () -> engine.client().stopContainerCmd(id).withTimeout(seconds).exec());
        } catch (DockerEngineException e) {
            // 304 Not Modified: already stopped, which is what the caller wanted.
            if (!(e.getCause() instanceof com.github.dockerjava.api.exception.NotModifiedException)) {
                throw e;
            }
        }
    }

    /** Removes the container, stopping it first if it still runs. */
    public void remove(Duration timeout) throws DockerEngineException {
        call("removing container " + shortId(), timeout,
                () -> engine.client().removeContainerCmd(id).withForce(true).withRemoveVolumes(true).exec());
    }

    /** The engine's view of the container now. */
    public ContainerState state(Duration timeout) throws DockerEngineException {
        InspectContainerResponse inspected = inspect(timeout);
        InspectContainerResponse.ContainerState state = inspected.getState();
        Object profile = inspected.getRawValues().get("AppArmorProfile");
        List<String> options = inspected.getHostConfig() == null || inspected.getHostConfig().getSecurityOpts() == null
                ? List.of() : inspected.getHostConfig().getSecurityOpts();
        return new ContainerState(inspected.getId(), String.valueOf(state.getStatus()),
                Boolean.TRUE.equals(state.getRunning()), state.getPidLong() == null ? 0 : state.getPidLong(),
                state.getExitCodeLong() == null ? 0 : state.getExitCodeLong(),
                profile == null ? "" : profile.toString(), options, instant(state.getStartedAt()));
    }

    /** The host pid of the container's first process: docker-init's with {@code --init}, else the entry point's. */
    public long hostPid(Duration timeout) throws DockerEngineException {
        return state(timeout).hostPid();
    }

    /**
     * Runs a command in the running container ({@code docker exec}) and collects its output.
     *
     * @throws DockerEngineException {@link Kind#TIMED_OUT} when it has not finished within {@code timeout}
     */
    public ExecResult exec(List<String> command, Duration timeout) throws DockerEngineException {
        String action = "running " + String.join(" ", command) + " in container " + shortId();
        Instant deadline = Instant.now().plus(timeout);
        String execId = call(action, timeout, () -> engine.client().execCreateCmd(id).withCmd(command.toArray(String[]::new))
                .withAttachStdout(true).withAttachStderr(true).exec().getId());
        StringBuilder stdout = new StringBuilder();
        StringBuilder stderr = new StringBuilder();
        Utf8Streams decoder = new Utf8Streams();
        ResultCallback.Adapter<Frame> collector = new ResultCallback.Adapter<>() {
            @Override
            public void onNext(Frame frame) {
                OutputChannel channel = channelOf(frame);
                String text = decoder.decode(channel, frame.getPayload());
                synchronized (stdout) {
                    (channel == OutputChannel.STDERR ? stderr : stdout).append(text);
                }
            }
        };
        try {
            engine.client().execStartCmd(execId).exec(collector);
            if (!collector.awaitCompletion(DockerEngine.remaining(deadline).toMillis(), TimeUnit.MILLISECONDS)) {
                closeQuietly(collector);
                throw new DockerEngineException(engine.timedOut(action, timeout));
            }
            collector.awaitCompletion();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw cancelled(action, e);
        } catch (RuntimeException e) {
            throw failure(e, action);
        }
        Long exitCode = call(action, DockerEngine.remaining(deadline),
                () -> engine.client().inspectExecCmd(execId).exec().getExitCodeLong());
        synchronized (stdout) {
            return new ExecResult(exitCode == null ? -1 : exitCode, stdout + decoder.rest(OutputChannel.STDOUT),
                    stderr + decoder.rest(OutputChannel.STDERR));
        }
    }

    /**
     * The container's processes ({@code docker top}) with each one's AppArmor label from {@code /proc}.
     * Labels are read only for an engine on this machine (a unix socket); a remote engine's pids mean
     * nothing here.
     */
    public List<ContainerProcess> processes(Duration timeout) throws DockerEngineException {
        return processes(timeout, new ProcessLabels());
    }

    /** {@link #processes(Duration)} with the labels read from the given {@code /proc}. */
    public List<ContainerProcess> processes(Duration timeout, ProcessLabels labels) throws DockerEngineException {
        TopContainerResponse top = call("listing the processes of container " + shortId(), timeout,
                () -> engine.client().topContainerCmd(id).exec());
        List<String> titles = Arrays.asList(top.getTitles());
        int pid = titles.indexOf("PID");
        int parent = titles.indexOf("PPID");
        int user = titles.indexOf("UID");
        int command = titles.indexOf("CMD") >= 0 ? titles.indexOf("CMD") : titles.indexOf("COMMAND");
        boolean local = engine.endpoint().socketPath().isPresent();
        List<ContainerProcess> processes = new ArrayList<>();
        for (String[] row : top.getProcesses()) {
            long hostPid = parseLong(column(row, pid));
            ConfinementLabel label = local ? labels.labelOf(hostPid) : ConfinementLabel.NOT_LOCAL;
            processes.add(new ContainerProcess(hostPid, parseLong(column(row, parent)), column(row, user),
                    column(row, command), label));
        }
        return List.copyOf(processes);
    }

    private InspectContainerResponse inspect(Duration timeout) throws DockerEngineException {
        return call("inspecting container " + shortId(), timeout, () -> engine.client().inspectContainerCmd(id).exec());
    }

    private <T> T call(String action, Duration timeout, java.util.concurrent.Callable<T> work)
            throws DockerEngineException {
        try {
            return engine.call(action, timeout, work);
        } catch (DockerEngineException e) {
            throw afterEngineSeen(e.problem(), action, e.getCause());
        }
    }

    /** The thread waiting for the container was interrupted: the user (or the app closing) stopped the wait. */
    private static DockerEngineException cancelled(String action, InterruptedException cause) {
        return new DockerEngineException(new EngineProblem(Kind.TIMED_OUT, "Stopped " + action
                + ": the wait was cancelled."), cause);
    }

    private DockerEngineException failure(Throwable cause, String action) {
        return afterEngineSeen(EngineFailures.describe(cause, engine.endpoint(), action), action, cause);
    }

    /** The container exists, so the engine was there: no engine now means it went away. */
    private DockerEngineException afterEngineSeen(EngineProblem problem, String action, Throwable cause) {
        if (problem.kind() == Kind.NO_ENGINE) {
            return new DockerEngineException(EngineFailures.engineGone(engine.endpoint(), action), cause);
        }
        return new DockerEngineException(problem, cause);
    }

    private static OutputChannel channelOf(Frame frame) {
        return frame.getStreamType() == StreamType.STDERR ? OutputChannel.STDERR : OutputChannel.STDOUT;
    }

    private static String column(String[] row, int index) {
        return index >= 0 && index < row.length ? row[index] : "";
    }

    private static long parseLong(String text) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static Duration between(String startedAt, String finishedAt) {
        Optional<Instant> start = instant(startedAt);
        Optional<Instant> finish = instant(finishedAt);
        if (start.isEmpty() || finish.isEmpty()) {
            return Duration.ZERO;
        }
        Duration ran = Duration.between(start.get(), finish.get());
        return ran.isNegative() ? Duration.ZERO : ran;
    }

    /** The engine's timestamps; "0001-01-01T00:00:00Z" means never. */
    private static Optional<Instant> instant(String timestamp) {
        if (timestamp == null || timestamp.startsWith("0001-")) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(timestamp));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static void closeQuietly(Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException e) {
            // The stream is being abandoned anyway.
        }
    }

    /** Follows the log stream and decides, at its end, whether the container exited or the engine went away. */
    private final class OutputFollower extends ResultCallback.Adapter<Frame> {
        private final ContainerOutputListener listener;
        private final Utf8Streams decoder = new Utf8Streams();
        private final AtomicBoolean ended = new AtomicBoolean();
        private volatile boolean closedByCaller;

        OutputFollower(ContainerOutputListener listener) {
            this.listener = listener;
        }

        @Override
        public void onNext(Frame frame) {
            OutputChannel channel = channelOf(frame);
            String text = decoder.decode(channel, frame.getPayload());
            if (!text.isEmpty()) {
                listener.onOutput(channel, text);
            }
        }

        @Override
        public void onError(Throwable failure) {
            try {
                if (!closedByCaller) {
                    // A killed engine cuts the chunked stream: "Premature end of chunk coded message body".
                    EngineProblem problem = EngineFailures.describe(failure, engine.endpoint(), "following the output of container " + shortId());
                    end(Optional.of(problem.kind() == Kind.NO_ENGINE || problem.kind() == Kind.ENGINE_REFUSED
                            ? EngineFailures.engineGone(engine.endpoint(), "following the output of container " + shortId())
                            : problem));
                }
            } finally {
                super.onError(failure);
            }
        }

        @Override
        public void onComplete() {
            try {
                if (!closedByCaller) {
                    end(exitOrEngineGone());
                }
            } finally {
                super.onComplete();
            }
        }

        /**
         * Why the stream ended: empty for the container's exit. The engine may end the stream a
         * moment before it marks the container exited (seen in a slow guest), so a container still
         * running is asked about again until {@link #END_CHECK} has passed; only an engine that no
         * longer accepts connections, or a container still running then, means the engine went away.
         */
        private Optional<EngineProblem> exitOrEngineGone() {
            String action = "following the output of container " + shortId();
            Instant deadline = Instant.now().plus(END_CHECK);
            try {
                while (true) {
                    if (!engine.acceptsNewConnections()) {
                        // The engine closes its socket first, then stops the containers, which ends this stream.
                        return Optional.of(EngineFailures.engineGone(engine.endpoint(), action));
                    }
                    if (!state(DockerEngine.remaining(deadline)).running()) {
                        return Optional.empty();
                    }
                    if (Instant.now().isAfter(deadline)) {
                        return Optional.of(EngineFailures.engineGone(engine.endpoint(), action));
                    }
                    Thread.sleep(END_CHECK_PAUSE.toMillis());
                }
            } catch (DockerEngineException e) {
                return Optional.of(e.problem().kind() == Kind.MISSING_CONTAINER ? e.problem()
                        : EngineFailures.engineGone(engine.endpoint(), action));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.of(EngineFailures.engineGone(engine.endpoint(), action));
            }
        }

        private void end(Optional<EngineProblem> problem) {
            if (ended.compareAndSet(false, true)) {
                for (OutputChannel channel : OutputChannel.values()) {
                    String rest = decoder.rest(channel);
                    if (!rest.isEmpty()) {
                        listener.onOutput(channel, rest);
                    }
                }
                listener.onEnd(problem);
            }
        }

        @Override
        public void close() throws IOException {
            closedByCaller = true;
            super.close();
        }
    }

    /** UTF-8 decoding that keeps a character split across frames until its last byte arrives, per stream. */
    private static final class Utf8Streams {
        private final Map<OutputChannel, CharsetDecoder> decoders = new EnumMap<>(OutputChannel.class);
        private final Map<OutputChannel, ByteBuffer> pending = new EnumMap<>(OutputChannel.class);

        synchronized String decode(OutputChannel channel, byte[] bytes) {
            CharsetDecoder decoder = decoders.computeIfAbsent(channel, c -> StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE));
            ByteBuffer previous = pending.getOrDefault(channel, ByteBuffer.allocate(0));
            ByteBuffer input = ByteBuffer.allocate(previous.remaining() + bytes.length).put(previous).put(bytes).flip();
            CharBuffer output = CharBuffer.allocate(input.remaining() + 1);
            decoder.decode(input, output, false);
            pending.put(channel, input.slice());
            return output.flip().toString();
        }

        /** Whatever incomplete bytes are left at the end, as replacement characters. */
        synchronized String rest(OutputChannel channel) {
            ByteBuffer left = pending.remove(channel);
            return left == null || !left.hasRemaining() ? "" : StandardCharsets.UTF_8.decode(left).toString();
        }
    }
}
