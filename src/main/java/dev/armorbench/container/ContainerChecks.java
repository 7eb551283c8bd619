package dev.armorbench.container;

import dev.armorbench.container.Entry.EntryStep;
import dev.armorbench.container.ProfileSite.RuleSite;
import dev.armorbench.policy.check.Diagnostic;
import dev.armorbench.policy.check.ExecLetters;
import dev.armorbench.policy.check.SourceFile;
import dev.armorbench.policy.model.CapabilityRule;
import dev.armorbench.policy.model.Rule;
import dev.armorbench.policy.syntax.TextEdit;
import dev.armorbench.policy.syntax.TextLines;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What Docker changes about a profile, as diagnostics on the open text with quick fixes. Each check
 * is explained, with its code, in {@code docs/container-checks.md}.
 */
public final class ContainerChecks {
    /** Docker's default capability set (moby's {@code DefaultCapabilities}), lower case as AppArmor writes them. */
    public static final Set<String> DOCKER_DEFAULT_CAPABILITIES = Set.of("chown", "dac_override", "fsetid", "fowner",
            "mknod", "net_raw", "setgid", "setuid", "setfcap", "setpcap", "net_bind_service", "sys_chroot", "kill",
            "audit_write");
    private static final List<String> DISCONNECTED_FLAGS = List.of("attach_disconnected", "mediate_deleted");

    private final ContainerPolicy policy;
    private final SourceFile source;
    private final List<ContainerDiagnostic> found = new ArrayList<>();
    private final Set<String> reported = new HashSet<>();

    private ContainerChecks(ContainerPolicy policy) {
        this.policy = policy;
        this.source = policy.lint().source();
    }

    /** Runs every check; the entry point checks only when {@code start} entries are given. */
    public static List<ContainerDiagnostic> run(ContainerPolicy policy, List<Entry> start) {
        ContainerChecks checks = new ContainerChecks(policy);
        PolicyProfile container = policy.containerProfile();
        if (container == null || !container.inOpenText()) {
            return List.of();
        }
        checks.attachment(container);
        checks.disconnectedFlags(container);
        checks.childAttachments(container);
        checks.capabilities(container);
        checks.entryPoint(container, start);
        checks.pxToChildName(container);
        checks.found.sort((a, b) -> Integer.compare(a.diagnostic().start(), b.diagnostic().start()));
        return List.copyOf(checks.found);
    }

    // 1
    private void attachment(PolicyProfile container) {
        ProfileSite site = container.site();
        if (site.attachment() == null) {
            return;
        }
        String attachment = text(site.attachment());
        report(ContainerCheck.ATTACHMENT, site.attachment(), "Docker selects '" + container.name() + "' by name "
                + "(--security-opt apparmor=" + container.name() + ") and ignores the attachment '" + attachment
                + "': the rules apply to every program in the container. Remove the attachment",
                QuickFix.of("Remove the attachment '" + attachment + "'",
                        TextEdit.delete(site.attachmentRemoval().start(), site.attachmentRemoval().end())));
    }

    // 2
    private void disconnectedFlags(PolicyProfile container) {
        for (PolicyProfile profile : policy.reachableFrom(container)) {
            ProfileSite site = profile.site();
            if (site == null) {
                continue;
            }
            Set<String> flags = profile.model().flags();
            List<String> missing = new ArrayList<>();
            boolean attach = flags.stream().anyMatch(f -> f.startsWith("attach_disconnected"));
            if (!attach) {
                missing.add("attach_disconnected");
            }
            if (!flags.contains("mediate_deleted") && !flags.contains("delegate_deleted")) {
                missing.add("mediate_deleted");
            }
            if (missing.isEmpty()) {
                continue;
            }
            String role = profile == container ? "the container's profile"
                    : "a profile processes in the container reach (" + how(profile) + ")";
            String list = String.join(",", missing);
            TextRange range = site.flags() != null ? site.flags().range() : site.nameRange();
            if (flags.contains("no_attach_disconnected")) {
                report(ContainerCheck.DISCONNECTED_FLAGS, range, "'" + profile.fullName() + "' is " + role
                        + " and paths in a container are often disconnected from the host's namespace: replace "
                        + "no_attach_disconnected with " + list.replace(",", ", "), null);
                continue;
            }
            TextEdit edit;
            if (site.flags() != null) {
                String separator = site.flags().values().isEmpty() ? "" : ",";
                edit = TextEdit.insert(site.flags().closeParen(), separator + list);
            } else {
                edit = TextEdit.insert(site.headerEnd(), " flags=(" + list + ")");
            }
            report(ContainerCheck.DISCONNECTED_FLAGS, range, "'" + profile.fullName() + "' is " + role + " but lacks "
                    + String.join(" and ", missing) + ": paths in a container are often disconnected from the host's "
                    + "namespace and files may be deleted while open. Add " + list.replace(",", ", ") + " to its flags",
                    QuickFix.of("Add " + list.replace(",", ", ") + " to the flags of '" + profile.fullName() + "'", edit));
        }
    }

    private static String how(PolicyProfile profile) {
        if (profile.isHat()) {
            return "a hat";
        }
        if (profile.parent() != null) {
            return "a child profile";
        }
        return "a px target";
    }

    // 3
    private void childAttachments(PolicyProfile container) {
        for (PolicyProfile profile : policy.reachableFrom(container)) {
            ProfileSite site = profile.site();
            if (profile.parent() == null || site == null || site.attachment() == null || profile.isHat()) {
                continue;
            }
            String binary = text(site.attachment());
            report(ContainerCheck.CHILD_ATTACHMENT_EXEC, site.attachment(), "'docker exec CONTAINER " + binary
                    + "' runs under '" + container.fullName() + "', not under '" + profile.fullName()
                    + "': the runtime starts it straight in the container's profile. Started inside the container "
                    + "(e.g. 'docker exec CONTAINER sh -c " + binary + "') it goes through the exec rules and "
                    + "lands here", null);
        }
    }

    // 4
    private void capabilities(PolicyProfile container) {
        Set<PolicyProfile> reachable = policy.reachableFrom(container);
        Set<String> union = new TreeSet<>();
        PolicyProfile allowsAll = null;
        for (PolicyProfile profile : reachable) {
            Set<String> allowed = new TreeSet<>();
            boolean all = false;
            Set<String> denied = new HashSet<>();
            for (Rule rule : profile.model().rules()) {
                if (rule instanceof CapabilityRule capability) {
                    if (capability.qualifiers().deny()) {
                        denied.addAll(capability.names().isEmpty() ? CapabilityRule.KNOWN : capability.names());
                    } else if (capability.names().isEmpty()) {
                        all = true;
                    } else {
                        // A misspelt name is the lint's error to report; it must not become a --cap-add.
                        capability.names().stream().filter(CapabilityRule.KNOWN::contains).forEach(allowed::add);
                    }
                }
            }
            if (all) {
                allowed.addAll(CapabilityRule.KNOWN);
                if (allowsAll == null) {
                    allowsAll = profile;
                }
            }
            allowed.removeAll(denied);
            union.addAll(allowed);
        }
        boolean transitions = reachable.size() > 1;
        TextRange name = container.site().nameRange();
        if (transitions && allowsAll != null) {
            report(ContainerCheck.CAPABILITY_FLAGS, name, "'" + allowsAll.fullName() + "' allows every capability "
                    + "('capability,'), so only Docker's capability set bounds the container's processes: list the "
                    + "capabilities they need, then start the container with --cap-drop ALL --cap-add NAME for each", null);
        } else if (transitions) {
            Set<String> unused = new TreeSet<>(DOCKER_DEFAULT_CAPABILITIES);
            unused.removeAll(union);
            report(ContainerCheck.CAPABILITY_FLAGS, name, "Together, the " + reachable.size() + " profiles this "
                    + "container's processes can run under allow " + (union.isEmpty() ? "no capability"
                    : String.join(", ", union)) + "; bound the container to exactly that with: " + dockerFlags(union)
                    + (unused.isEmpty() ? "" : " (this also drops " + unused.size() + " of Docker's default capabilities "
                    + "that no profile allows)"), null);
        }
        if (allowsAll == null && !transitions) {
            Set<String> unused = new TreeSet<>(DOCKER_DEFAULT_CAPABILITIES);
            unused.removeAll(union);
            if (!unused.isEmpty()) {
                StringBuilder drops = new StringBuilder();
                unused.forEach(c -> drops.append(drops.length() == 0 ? "" : " ").append("--cap-drop ")
                        .append(c.toUpperCase(Locale.ROOT)));
                report(ContainerCheck.CAPABILITY_DOCKER_DEFAULT_UNUSED, name, "Docker grants " + String.join(", ", unused)
                        + " by default but no profile here allows " + (unused.size() == 1 ? "it" : "them")
                        + " (AppArmor refuses them anyway); drop them at the source: " + drops, null);
            }
        }
        for (PolicyProfile profile : reachable) {
            for (RuleSite rule : ContainerPolicy.capabilitySites(profile.site())) {
                if (rule.words().contains("deny")) {
                    continue;
                }
                Set<String> extra = new TreeSet<>();
                for (String word : rule.words()) {
                    if (CapabilityRule.KNOWN.contains(word) && !DOCKER_DEFAULT_CAPABILITIES.contains(word)) {
                        extra.add(word);
                    }
                }
                if (extra.isEmpty()) {
                    continue;
                }
                StringBuilder adds = new StringBuilder();
                extra.forEach(c -> adds.append(adds.length() == 0 ? "" : " ").append("--cap-add ")
                        .append(c.toUpperCase(Locale.ROOT)));
                report(ContainerCheck.CAPABILITY_NOT_IN_DOCKER_DEFAULT, rule.range(), String.join(", ", extra)
                        + (extra.size() == 1 ? " is" : " are") + " not in Docker's default capability set, so this "
                        + "permission is never used unless the container starts with " + adds, null);
            }
        }
    }

    /** {@code --cap-drop ALL --cap-add …} for a set of capabilities. */
    public static String dockerFlags(Set<String> capabilities) {
        StringBuilder flags = new StringBuilder("--cap-drop ALL");
        for (String capability : new TreeSet<>(capabilities)) {
            flags.append(" --cap-add ").append(capability.toUpperCase(Locale.ROOT));
        }
        return flags.toString();
    }

    // 5
    private void entryPoint(PolicyProfile container, List<Entry> start) {
        for (Entry entry : start) {
            for (EntryStep step : entry.steps()) {
                if (step.byRuntime()) {
                    neverFires(container, entry, step);
                } else if (step.outcome().result() == ExecOutcome.Result.NO_EXEC_PERMISSION
                        || step.outcome().result() == ExecOutcome.Result.DENIED) {
                    noExec(entry, step);
                }
            }
        }
    }

    private void neverFires(PolicyProfile container, Entry entry, EntryStep step) {
        for (Transition transition : policy.transitions(container)) {
            if (transition.kind() == Transition.Kind.INHERIT || transition.range() == null) {
                continue;
            }
            if (!policy.matches(transition, step.binary())) {
                continue;
            }
            String remedy = step.binary().equals(EntryAnalysis.DOCKER_INIT) ? "docker-init itself always runs under the "
                    + "container's profile" : "to have it land in '" + transition.targetName() + "', start the container "
                    + "with --init (docker-init then execs it through this rule) or give its rules to '"
                    + container.fullName() + "'";
            report(ContainerCheck.ENTRYPOINT_TRANSITION_NEVER_FIRES, transition.range(), "'" + step.binary() + "' is the "
                    + "container's first process (" + entry.variant() + "): the runtime execs it straight into '"
                    + container.fullName() + "', so this " + transition.modeText() + " rule never applies to it; "
                    + remedy, null);
        }
    }

    private void noExec(Entry entry, EntryStep step) {
        ExecOutcome outcome = step.outcome();
        PolicyProfile from = outcome.from();
        if (from.site() == null) {
            return;
        }
        TextRange range = from.site().nameRange();
        String starter = step.startedBy().equals(EntryAnalysis.DOCKER_INIT) ? "docker-init" : step.startedBy();
        if (outcome.result() == ExecOutcome.Result.DENIED) {
            report(ContainerCheck.ENTRYPOINT_NO_EXEC, range, "With the " + entry.variant() + " entry point, " + starter
                    + " execs '" + step.binary() + "' but '" + from.fullName() + "' denies executing it: remove the deny "
                    + "rule or change the entry point", null);
            return;
        }
        QuickFix fix = null;
        String advice;
        if (step.binary().startsWith("/")) {
            String rule = step.binary() + " ix,";
            fix = QuickFix.of("Add '" + rule + "' to '" + from.fullName() + "'", ruleInsertion(from.site(), rule));
            advice = "Add '" + rule + "' (or a cx/px rule into a profile for it)";
        } else {
            // A bare name is found along PATH at run time; only the image knows which directory holds it.
            advice = "Add an exec rule (ix, or cx/px into a profile for it) for its path, which the image's PATH decides";
        }
        report(ContainerCheck.ENTRYPOINT_NO_EXEC, range, "With the " + entry.variant() + " entry point, " + starter
                + " execs '" + step.binary() + "' through the exec rules of '" + from.fullName() + "', which has none for "
                + "it: enforce mode refuses the start. " + advice, fix);
    }

    /** Inserts a rule as the last line of a profile's block, indented like its other rules. */
    private TextEdit ruleInsertion(ProfileSite site, String rule) {
        String text = source.text();
        int close = site.closeBrace();
        int lineStart = TextLines.lineStart(text, close);
        String before = text.substring(lineStart, close);
        if (!before.isBlank()) {
            return TextEdit.insert(close, " " + rule + " ");
        }
        String indent = before + "  ";
        if (!site.rules().isEmpty()) {
            int ruleStart = site.rules().get(0).range().start();
            int ruleLine = TextLines.lineStart(text, ruleStart);
            if (text.substring(ruleLine, ruleStart).isBlank()) {
                indent = text.substring(ruleLine, ruleStart);
            }
        }
        return TextEdit.insert(lineStart, indent + rule + "\n");
    }

    private String text(TextRange range) {
        return source.text().substring(range.start(), range.end());
    }

    // 6
    /**
     * A {@code px -> NAME} rule whose NAME is a child of the profile but no top-level profile of the
     * file: {@code px} looks for a top-level profile of that name, so without one loaded from
     * elsewhere the exec fails (or takes the rule's fallback), while {@code cx -> NAME} reaches the
     * child that is there.
     */
    private void pxToChildName(PolicyProfile container) {
        for (PolicyProfile profile : container.withDescendants()) {
            for (Transition transition : policy.transitions(profile)) {
                if (transition.kind() != Transition.Kind.PROFILE || transition.resolved() || transition.range() == null
                        || transition.rule().target() == null) {
                    continue;
                }
                PolicyProfile child = profile.child(transition.targetName());
                if (child == null || child.isHat()) {
                    continue;
                }
                Optional<ExecLetters> written = ExecLetters.inRule(source, transition.range().start(),
                        transition.range().end());
                String mode = written.map(letters -> text(new TextRange(letters.start(), letters.end())))
                        .orElse(transition.modeText());
                String childMode = (Character.isUpperCase(mode.charAt(0)) ? "C" : "c") + mode.substring(1);
                String name = transition.targetName();
                String without = switch (transition.rule().exec().fallback()) {
                    case 'i' -> "the program stays in '" + profile.fullName() + "' (the 'i' fallback)";
                    case 'u' -> "the program runs unconfined (the 'u' fallback)";
                    default -> "the exec fails";
                };
                String message = "'" + mode + " -> " + name + "' looks for a top-level profile '" + name + "', which"
                        + " this file does not define, so " + without + " unless one is loaded from elsewhere; the"
                        + " child profile '" + child.fullName() + "' is reached with '" + childMode + " -> " + name + "'";
                QuickFix fix = written.map(letters -> QuickFix.of("Use '" + childMode + " -> " + name
                        + "' (the child profile)", new TextEdit(letters.start(), letters.start() + 1,
                        childMode.substring(0, 1)))).orElse(null);
                report(ContainerCheck.PX_TO_CHILD_NAME, transition.range(), message, fix);
            }
        }
    }

    private void report(ContainerCheck check, TextRange range, String message, QuickFix fix) {
        if (!reported.add(check.code() + "@" + range.start() + ":" + message)) {
            return;
        }
        found.add(new ContainerDiagnostic(check, new Diagnostic(check.severity(), check.code(), message, source,
                range.start(), range.end()), fix));
    }
}
