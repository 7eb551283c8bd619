package dev.armorbench.container;

import java.util.List;

/**
 * One way a process enters the container and the profile it lands in.
 *
 * @param via {@link Via#START} (the container's first process and what it starts) or {@link Via#EXEC}
 * @param variant how it was started, e.g. "exec form", "shell form, --init", "docker exec"
 * @param binary the program, as a path when known ({@code *} for any program given to docker exec)
 * @param steps each exec on the way, the last one landing the program
 */
public record Entry(Via via, String variant, String binary, List<EntryStep> steps) {
    public Entry {
        steps = List.copyOf(steps);
    }

    public enum Via {
        START("start"),
        EXEC("exec");

        private final String label;

        Via(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** The label the program ends up under. */
    public String profile() {
        return steps.get(steps.size() - 1).profile();
    }

    /**
     * One process on the way in.
     *
     * @param startedBy "runtime" when the runtime execs it straight into the container's profile, else
     *     the program that execs it
     * @param outcome what the starting profile's exec rules did, null when the runtime started it
     * @param profile the label the process runs under
     */
    public record EntryStep(String binary, String startedBy, ExecOutcome outcome, String profile) {
        public boolean byRuntime() {
            return outcome == null;
        }
    }
}
