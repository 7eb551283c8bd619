package dev.armorbench.container;

import dev.armorbench.container.Entry.EntryStep;
import dev.armorbench.container.Entry.Via;
import java.util.ArrayList;
import java.util.List;

/**
 * Which profile each way into the container lands in. The runtime execs the container's first
 * process (and every {@code docker exec} process) straight into the container's profile: no exec
 * rule applies to it. Everything those processes start goes through the exec rules of the profile
 * they run under. Without {@code --init} the first process is the entry point (exec form) or the
 * shell (shell form); with {@code --init} it is {@code docker-init}, which execs the rest.
 */
public final class EntryAnalysis {
    /** Where Docker mounts its init binary inside the container. */
    public static final String DOCKER_INIT = "/sbin/docker-init";

    private EntryAnalysis() {
    }

    /** The container start, without and with {@code --init}. Empty when the policy has no profile. */
    public static List<Entry> start(ContainerPolicy policy, StartCommand command) {
        PolicyProfile container = policy.containerProfile();
        if (container == null || command == null) {
            return List.of();
        }
        String form = command.shellForm() ? "shell form" : "exec form";
        List<Entry> entries = new ArrayList<>();
        // Without --init.
        List<EntryStep> plain = new ArrayList<>();
        if (command.shellForm()) {
            plain.add(byRuntime(command.shell(), container));
            if (command.program() != null) {
                plain.add(execStep(policy, container, command.shell(), command.program(), command.path()));
            }
        } else {
            plain.add(byRuntime(runtimeBinary(policy, container, command), container));
        }
        entries.add(new Entry(Via.START, form, shownProgram(command, plain), plain));
        // With --init.
        List<EntryStep> init = new ArrayList<>();
        init.add(byRuntime(DOCKER_INIT, container));
        if (command.shellForm()) {
            EntryStep shell = execStep(policy, container, DOCKER_INIT, command.shell(), command.path());
            init.add(shell);
            if (command.program() != null && shell.outcome().landsIn() != null) {
                init.add(execStep(policy, shell.outcome().landsIn(), command.shell(), command.program(), command.path()));
            }
        } else {
            init.add(execStep(policy, container, DOCKER_INIT, command.program(), command.path()));
        }
        entries.add(new Entry(Via.START, form + ", --init", shownProgram(command, init), init));
        return entries;
    }

    /**
     * {@code docker exec}: any program runs under the container's profile; listed apart for each
     * program a path-attached child names, since inside the container that program may land elsewhere.
     */
    public static List<Entry> dockerExec(ContainerPolicy policy) {
        PolicyProfile container = policy.containerProfile();
        if (container == null) {
            return List.of();
        }
        List<Entry> entries = new ArrayList<>();
        entries.add(new Entry(Via.EXEC, "docker exec", "*", List.of(byRuntime("*", container))));
        for (PolicyProfile profile : policy.reachableFrom(container)) {
            if (profile.parent() != null && profile.model().attachment() != null) {
                String binary = profile.model().attachment();
                entries.add(new Entry(Via.EXEC, "docker exec", binary, List.of(byRuntime(binary, container))));
            }
        }
        return entries;
    }

    private static String shownProgram(StartCommand command, List<EntryStep> steps) {
        EntryStep last = steps.get(steps.size() - 1);
        if (command.program() == null) {
            return command.shell() + " -c '" + command.argv().get(command.argv().size() - 1) + "'";
        }
        return last.binary();
    }

    private static EntryStep byRuntime(String binary, PolicyProfile container) {
        return new EntryStep(binary, "runtime", null, container.fullName());
    }

    /** The exec-form program as a path: the PATH candidate the container's rules name, else the first. */
    private static String runtimeBinary(ContainerPolicy policy, PolicyProfile container, StartCommand command) {
        List<String> candidates = StartCommand.candidates(command.program(), command.path());
        for (String candidate : candidates) {
            for (Transition transition : policy.transitions(container)) {
                if (policy.matches(transition, candidate)) {
                    return candidate;
                }
            }
        }
        return command.program();
    }

    /** {@code parent} execs {@code program} from {@code from}: the first PATH candidate an exec rule allows. */
    private static EntryStep execStep(ContainerPolicy policy, PolicyProfile from, String parent, String program,
            List<String> path) {
        for (String candidate : StartCommand.candidates(program, path)) {
            ExecOutcome outcome = policy.exec(from, candidate);
            if (outcome.result() != ExecOutcome.Result.NO_EXEC_PERMISSION) {
                return new EntryStep(candidate, parent, outcome, outcome.landsInName());
            }
        }
        ExecOutcome refused = new ExecOutcome(ExecOutcome.Result.NO_EXEC_PERMISSION, program, from, null, null);
        return new EntryStep(program, parent, refused, refused.landsInName());
    }
}
