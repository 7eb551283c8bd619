package dev.armorbench.ui.docker;

import dev.armorbench.trial.DockerEndpoint;
import dev.armorbench.trial.DockerEngine;
import dev.armorbench.trial.DockerEngineException;
import dev.armorbench.trial.EngineProblem;
import dev.armorbench.trial.EngineProblem.Kind;
import dev.armorbench.trial.EngineStatus;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The panel's link to the Docker engine: which endpoint, whether the engine answers, and a place to
 * run engine calls off the FX thread with their results handed back on it. When the engine cannot be
 * reached for a reason that may pass (not started yet, restarted, the user just joined the group
 * {@code docker}), the connection tries again every few seconds, so the panel recovers by itself.
 * A connected engine is asked again every few seconds too, quietly, so that one that stopped is
 * shown as gone even when no call failed.
 */
public final class EngineConnection implements AutoCloseable {
    /** How long one engine call may take before the panel says the engine does not answer. */
    public static final Duration CALL_TIMEOUT = Duration.ofSeconds(20);
    /** How long to wait before asking an unreachable engine again. */
    static final javafx.util.Duration RETRY_AFTER = javafx.util.Duration.seconds(5);
    /**
     * How long a connected engine is left before it is asked again: an engine that stops while no
     * call is made (or answers once more while shutting down) would otherwise stay "connected".
     */
    static final javafx.util.Duration CHECK_AFTER = javafx.util.Duration.seconds(10);
    /** Problems that can go away without the user changing ArmorBench's settings. */
    private static final Set<Kind> PASSING = Set.of(Kind.NO_ENGINE, Kind.ENGINE_GONE, Kind.TIMED_OUT,
            Kind.PERMISSION_DENIED);
    /** Problems that mean the engine itself is unreachable, not that one request failed. */
    private static final Set<Kind> ENGINE_UNREACHABLE = Set.of(Kind.NO_ENGINE, Kind.ENGINE_GONE,
            Kind.PERMISSION_DENIED);
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final ReadOnlyObjectWrapper<EngineState> state;
    private final ExecutorService calls = Executors.newCachedThreadPool(work -> {
        Thread thread = new Thread(work, "armorbench-docker-panel-" + THREADS.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });
    private final PauseTransition retry = new PauseTransition(RETRY_AFTER);
    private final PauseTransition check = new PauseTransition(CHECK_AFTER);
    private DockerEngine engine;
    private int generation;
    private boolean closed;

    public EngineConnection(DockerEndpoint endpoint) {
        state = new ReadOnlyObjectWrapper<>(EngineState.notConnected(endpoint));
        retry.setOnFinished(event -> {
            if (state.get().phase() == EngineState.Phase.UNAVAILABLE) {
                refresh();
            }
        });
        check.setOnFinished(event -> {
            if (state.get().isConnected()) {
                checkQuietly();
            }
        });
    }

    public ReadOnlyObjectProperty<EngineState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public EngineState state() {
        return state.get();
    }

    /** The engine client, or null before the first {@link #refresh()} or for an address ArmorBench cannot speak. */
    public DockerEngine engine() {
        return engine;
    }

    /** Uses another endpoint from now on (a test engine, a changed context) and asks it at once. */
    public void useEndpoint(DockerEndpoint endpoint) {
        closeEngine();
        state.set(EngineState.notConnected(endpoint));
        refresh();
    }

    /** Asks the engine for its version and security options again; on the FX thread. */
    public void refresh() {
        retry.stop();
        check.stop();
        if (closed) {
            return;
        }
        DockerEndpoint endpoint = state.get().endpoint();
        if (engine == null) {
            try {
                engine = DockerEngine.connect(endpoint);
            } catch (DockerEngineException e) {
                state.set(EngineState.unavailable(endpoint, e.problem()));
                return;
            }
        }
        int asked = ++generation;
        state.set(EngineState.connecting(endpoint));
        ask(engine, endpoint, asked);
    }

    /**
     * Asks a connected engine again without showing "connecting": the header changes only when the
     * answer does. A refresh or a problem reported meanwhile wins over this answer.
     */
    private void checkQuietly() {
        if (closed || engine == null) {
            return;
        }
        ask(engine, state.get().endpoint(), generation);
    }

    /** The engine's status off the FX thread, shown on it unless a newer question was asked meanwhile. */
    private void ask(DockerEngine current, DockerEndpoint endpoint, int asked) {
        calls.execute(() -> {
            EngineState answer;
            try {
                EngineStatus status = current.status(CALL_TIMEOUT);
                answer = EngineState.connected(status);
            } catch (DockerEngineException e) {
                answer = EngineState.unavailable(endpoint, e.problem());
            }
            EngineState result = answer;
            Platform.runLater(() -> {
                if (asked == generation && !closed) {
                    show(result);
                }
            });
        });
    }

    /**
     * Runs an engine call off the FX thread; its result or problem comes back on the FX thread. A
     * problem that means the engine is gone also changes the connection's state, so the header says so.
     */
    public <T> void call(EngineCall<T> work, Consumer<T> onResult, Consumer<EngineProblem> onProblem) {
        DockerEngine current = engine;
        if (closed) {
            return; // The panel is gone; nobody waits for the answer.
        }
        if (current == null || !state.get().isConnected()) {
            onProblem.accept(state.get().problem().orElse(new EngineProblem(Kind.NO_ENGINE,
                    "Not connected to a Docker engine yet. Press Refresh in the Docker panel.")));
            return;
        }
        calls.execute(() -> {
            try {
                T result = work.call(current);
                Platform.runLater(() -> onResult.accept(result));
            } catch (DockerEngineException e) {
                Platform.runLater(() -> {
                    reportProblem(e.problem());
                    onProblem.accept(e.problem());
                });
            } catch (RuntimeException e) {
                EngineProblem problem = new EngineProblem(Kind.ENGINE_REFUSED, "The Docker call failed unexpectedly ("
                        + e + "); please report this.");
                Platform.runLater(() -> onProblem.accept(problem));
            }
        });
    }

    /**
     * Takes note of a problem met elsewhere (a trial run whose engine went away): when it means the
     * engine is unreachable, the state says so and retrying starts. On the FX thread.
     */
    public void reportProblem(EngineProblem problem) {
        if (ENGINE_UNREACHABLE.contains(problem.kind())) {
            generation++;
            show(EngineState.unavailable(state.get().endpoint(), problem));
        }
    }

    private void show(EngineState newState) {
        if (!newState.equals(state.get())) {
            state.set(newState);
        }
        if (newState.phase() == EngineState.Phase.UNAVAILABLE
                && newState.problem().map(problem -> PASSING.contains(problem.kind())).orElse(false)) {
            retry.playFromStart();
        }
        if (newState.isConnected()) {
            check.playFromStart();
        } else {
            check.stop();
        }
    }

    private void closeEngine() {
        generation++;
        if (engine != null) {
            engine.close();
            engine = null;
        }
    }

    @Override
    public void close() {
        closed = true;
        retry.stop();
        check.stop();
        closeEngine();
        calls.shutdownNow();
    }

    /** One blocking call to the engine, made off the FX thread. */
    @FunctionalInterface
    public interface EngineCall<T> {
        T call(DockerEngine engine) throws DockerEngineException;
    }
}
