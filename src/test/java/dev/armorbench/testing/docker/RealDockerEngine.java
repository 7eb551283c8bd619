package dev.armorbench.testing.docker;

import dev.armorbench.testing.Requirements;
import java.util.List;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit extension giving test classes one real Docker engine for the whole test run, with the
 * {@link BusyboxImages} built in it: started on first use, stopped when the run ends. Without
 * dockerd, the docker command or a static busybox the tests are skipped with a message naming the
 * missing package — except in CI ({@code CI=true}), where they fail.
 *
 * <p>Use: {@code @ExtendWith(RealDockerEngine.class)} and a {@link PrivateDockerEngine} parameter.
 */
public final class RealDockerEngine implements BeforeAllCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(RealDockerEngine.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        List<String> missing = HostTools.missingForEngineTests();
        Requirements.require(missing.isEmpty(), "a real Docker engine needs " + String.join(", ", missing));
        shared(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == PrivateDockerEngine.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return shared(context).engine();
    }

    private static SharedEngine shared(ExtensionContext context) {
        // The root store lives for the whole run and closes its AutoCloseable values at the end.
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(SharedEngine.class, type -> {
            try {
                PrivateDockerEngine engine = PrivateDockerEngine.start();
                try {
                    BusyboxImages.build(engine);
                } catch (Exception e) {
                    engine.close();
                    throw e;
                }
                return new SharedEngine(engine);
            } catch (Exception e) {
                throw new ParameterResolutionException("Could not start the test Docker engine: " + e.getMessage(), e);
            }
        }, SharedEngine.class);
    }

    /** The run's engine; closing it stops dockerd and removes its directory. */
    record SharedEngine(PrivateDockerEngine engine) implements AutoCloseable {
        @Override
        public void close() {
            engine.close();
        }
    }

    /** For test classes that need an engine of their own (one they stop): the same requirements check. */
    public static void requireEngineTools() {
        List<String> missing = HostTools.missingForEngineTests();
        Requirements.require(missing.isEmpty(), "a real Docker engine needs " + String.join(", ", missing));
    }
}
