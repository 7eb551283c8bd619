package dev.armorbench.trial.load;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * Runs real processes. Standard input is written and both outputs are read on their own threads,
 * so a program that writes a lot before reading all its input cannot deadlock with us.
 */
public final class ProcessCommandRunner implements CommandRunner {
    /** A thread per stream: the common pool may have a single thread on a small machine. */
    private static final Executor STREAM_THREADS = task -> {
        Thread thread = new Thread(task, "armorbench-command-io");
        thread.setDaemon(true);
        thread.start();
    };

    @Override
    public CommandOutput run(List<String> arguments, Optional<Path> workingDirectory, byte[] stdin, Duration timeout)
            throws IOException, CommandTimedOutException {
        ProcessBuilder builder = new ProcessBuilder(arguments);
        workingDirectory.ifPresent(dir -> builder.directory(dir.toFile()));
        Process process = builder.start();
        CompletableFuture<Void> input = CompletableFuture.runAsync(() -> {
            try (OutputStream in = process.getOutputStream()) {
                in.write(stdin);
            } catch (IOException e) {
                // The program exited without reading all of its input; its exit code says why.
            }
        }, STREAM_THREADS);
        CompletableFuture<String> stdout = readAll(process.getInputStream());
        CompletableFuture<String> stderr = readAll(process.getErrorStream());
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new CommandTimedOutException(arguments.get(0) + " did not finish within "
                        + timeout.toSeconds() + " s and was stopped");
            }
            input.join();
            return new CommandOutput(process.exitValue(), stdout.get(), stderr.get());
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while " + arguments.get(0) + " ran", e);
        } catch (ExecutionException e) {
            throw new IOException("cannot read the output of " + arguments.get(0) + ": " + e.getCause().getMessage(), e);
        }
    }

    private static CompletableFuture<String> readAll(InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            try (stream) {
                return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, STREAM_THREADS);
    }
}
