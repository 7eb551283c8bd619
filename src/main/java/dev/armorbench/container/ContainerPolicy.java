package dev.armorbench.container;

import dev.armorbench.container.ProfileSite.RuleSite;
import dev.armorbench.container.Transition.Kind;
import dev.armorbench.policy.check.LintResult;
import dev.armorbench.policy.model.BuiltinVariables;
import dev.armorbench.policy.model.FileRule;
import dev.armorbench.policy.model.Profile;
import dev.armorbench.policy.model.Rule;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The open policy joined with its text: every profile (and the {@code px} targets found elsewhere),
 * every exec transition with its range and resolved target, and the container's profile.
 */
public final class ContainerPolicy {
    private final LintResult lint;
    private final ProfileCatalog catalog;
    /** For attachments, which see the policy's variables only (they define the built-ins). */
    private final ExecMatching matching;
    /** For each profile's rules: the policy's variables and that profile's built-ins ({@code @{exec_path}}, …). */
    private final Map<PolicyProfile, ExecMatching> ruleMatching = new IdentityHashMap<>();
    private final List<PolicyProfile> topLevel = new ArrayList<>();
    private final Map<String, PolicyProfile> external = new LinkedHashMap<>();
    private final Map<PolicyProfile, List<Transition>> transitions = new IdentityHashMap<>();
    private final PolicyProfile containerProfile;

    private ContainerPolicy(LintResult lint, ProfileCatalog catalog) {
        this.lint = lint;
        this.catalog = catalog;
        this.matching = new ExecMatching(lint.policy().variables());
        List<ProfileSite> sites = ProfileSites.read(lint.source().tree());
        List<Profile> models = lint.policy().profiles();
        List<ProfileSite> matched = match(models, sites);
        for (int i = 0; i < models.size(); i++) {
            topLevel.add(build(models.get(i), matched.get(i), null, null));
        }
        for (PolicyProfile profile : List.copyOf(topLevel)) {
            computeTransitions(profile);
        }
        this.containerProfile = chooseContainerProfile();
    }

    /** Joins a linted file with its text; {@code px} targets not in it are looked up in {@code catalog}. */
    public static ContainerPolicy of(LintResult lint, ProfileCatalog catalog) {
        return new ContainerPolicy(lint, catalog);
    }

    public LintResult lint() {
        return lint;
    }

    public String text() {
        return lint.source().text();
    }

    /** The open text's top-level profiles. */
    public List<PolicyProfile> profiles() {
        return Collections.unmodifiableList(topLevel);
    }

    /** Profiles found through the catalog because a transition names them. */
    public List<PolicyProfile> externalProfiles() {
        return List.copyOf(external.values());
    }

    /**
     * The profile Docker runs the container under: the first top-level profile of the open text
     * that no other top-level profile of it transitions to. Null when the text has no profile.
     */
    public PolicyProfile containerProfile() {
        return containerProfile;
    }

    /** The exec rules of a profile, in rule order. */
    public List<Transition> transitions(PolicyProfile profile) {
        return transitions.getOrDefault(profile, List.of());
    }

    /** Every profile of the open text, children and hats included, parents first. */
    public List<PolicyProfile> allProfiles() {
        List<PolicyProfile> all = new ArrayList<>();
        for (PolicyProfile profile : topLevel) {
            all.addAll(profile.withDescendants());
        }
        return all;
    }

    /**
     * The profiles a process in {@code start} can come to run under: itself, its children and hats,
     * and every {@code cx}/{@code px} target, followed transitively. In discovery order.
     */
    public Set<PolicyProfile> reachableFrom(PolicyProfile start) {
        Set<PolicyProfile> seen = new LinkedHashSet<>();
        List<PolicyProfile> queue = new ArrayList<>(List.of(start));
        while (!queue.isEmpty()) {
            PolicyProfile next = queue.remove(0);
            if (!seen.add(next)) {
                continue;
            }
            queue.addAll(next.children());
            for (Transition transition : transitions(next)) {
                if (transition.target() != null) {
                    queue.add(transition.target());
                }
            }
        }
        return seen;
    }

    /** What happens when a process under {@code from} execs {@code binary}, by {@code from}'s exec rules. */
    public ExecOutcome exec(PolicyProfile from, String binary) {
        for (Rule rule : from.model().rules()) {
            if (rule instanceof FileRule file && file.qualifiers().deny() && file.exec() != null && file.path() != null
                    && rulesOf(from).matches(file.path(), binary)) {
                return new ExecOutcome(ExecOutcome.Result.DENIED, binary, from, null, null);
            }
        }
        Transition chosen = null;
        for (Transition transition : transitions(from)) {
            if (matches(transition, binary)) {
                if (transition.rule().path().equals(binary)) {
                    chosen = transition;
                    break;
                }
                if (chosen == null) {
                    chosen = transition;
                }
            }
        }
        if (chosen == null) {
            return new ExecOutcome(ExecOutcome.Result.NO_EXEC_PERMISSION, binary, from, null, null);
        }
        PolicyProfile target = switch (chosen.kind()) {
            case INHERIT -> from;
            case UNCONFINED -> null;
            case CHILD -> chosen.target() != null ? chosen.target() : attachedChild(from, binary);
            case PROFILE -> chosen.target() != null ? chosen.target() : attachedProfile(binary);
        };
        if (chosen.kind() == Kind.UNCONFINED) {
            return new ExecOutcome(ExecOutcome.Result.UNCONFINED, binary, from, chosen, null);
        }
        if (target != null) {
            return new ExecOutcome(ExecOutcome.Result.LANDS, binary, from, chosen, target);
        }
        char fallback = chosen.rule().exec().fallback();
        if (fallback == 'i') {
            return new ExecOutcome(ExecOutcome.Result.LANDS, binary, from, chosen, from);
        }
        if (fallback == 'u') {
            return new ExecOutcome(ExecOutcome.Result.UNCONFINED, binary, from, chosen, null);
        }
        return new ExecOutcome(ExecOutcome.Result.UNRESOLVED, binary, from, chosen, null);
    }

    /**
     * Whether a transition's exec rule matches a binary: the open policy's variables expanded, and
     * the built-ins of the profile the rule is in (so {@code @{exec_path} ix,} names its own program).
     */
    public boolean matches(Transition transition, String binary) {
        return rulesOf(transition.from()).matches(transition.rule().path(), binary);
    }

    private ExecMatching rulesOf(PolicyProfile profile) {
        return ruleMatching.computeIfAbsent(profile,
                p -> new ExecMatching(BuiltinVariables.addedTo(lint.policy().variables(), p.model())));
    }

    // ---- building

    private PolicyProfile build(Profile model, ProfileSite site, PolicyProfile parent, Path origin) {
        PolicyProfile profile = new PolicyProfile(model, site, parent, origin);
        List<ProfileSite> childSites = match(model.children(), site == null ? List.of() : site.children());
        for (int i = 0; i < model.children().size(); i++) {
            profile.addChild(build(model.children().get(i), childSites.get(i), profile, origin));
        }
        return profile;
    }

    /** Pairs each model profile with its site: by name first, then by order among the unclaimed ones. */
    private static List<ProfileSite> match(List<Profile> models, List<ProfileSite> sites) {
        List<ProfileSite> result = new ArrayList<>(Collections.nCopies(models.size(), null));
        Set<ProfileSite> used = Collections.newSetFromMap(new IdentityHashMap<>());
        for (int i = 0; i < models.size(); i++) {
            for (ProfileSite site : sites) {
                if (!used.contains(site) && site.name().equals(models.get(i).name())) {
                    result.set(i, site);
                    used.add(site);
                    break;
                }
            }
        }
        for (int i = 0; i < models.size(); i++) {
            if (result.get(i) != null) {
                continue;
            }
            for (ProfileSite site : sites) {
                // Names with variables differ from their expansion; order decides then.
                if (!used.contains(site) && site.name().contains("@{")) {
                    result.set(i, site);
                    used.add(site);
                    break;
                }
            }
        }
        return result;
    }

    private void computeTransitions(PolicyProfile profile) {
        if (transitions.containsKey(profile)) {
            return;
        }
        List<Transition> list = new ArrayList<>();
        transitions.put(profile, list);
        Set<RuleSite> usedSites = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Rule rule : profile.model().rules()) {
            if (!(rule instanceof FileRule file) || file.exec() == null || file.qualifiers().deny()
                    || file.exec().target() == 'x' || file.path() == null) {
                continue;
            }
            TextRange range = locate(profile, file, usedSites);
            String written = range == null || profile.site().includes().contains(range) ? null
                    : text().substring(range.start(), range.end()).replaceAll("\\s+", " ");
            list.add(switch (file.exec().target()) {
                case 'i' -> new Transition(profile, file, range, written, Kind.INHERIT, profile.fullName(), profile);
                case 'u' -> new Transition(profile, file, range, written, Kind.UNCONFINED, "unconfined", null);
                case 'c' -> childTransition(profile, file, range, written);
                default -> profileTransition(profile, file, range, written);
            });
        }
        for (PolicyProfile child : profile.children()) {
            computeTransitions(child);
        }
        for (Transition transition : List.copyOf(list)) {
            if (transition.target() != null) {
                computeTransitions(transition.target());
            }
        }
    }

    private Transition childTransition(PolicyProfile profile, FileRule file, TextRange range, String written) {
        if (file.target() != null) {
            String name = file.target();
            PolicyProfile child = profile.child(name);
            if (child == null && name.contains("//")) {
                child = byFullName(name);
            }
            return new Transition(profile, file, range, written, Kind.CHILD, child != null ? child.fullName()
                    : profile.fullName() + "//" + name, child);
        }
        PolicyProfile child = attachedChild(profile, file.path());
        return new Transition(profile, file, range, written, Kind.CHILD,
                child != null ? child.fullName() : profile.fullName() + "//(attached to " + file.path() + ")", child);
    }

    private Transition profileTransition(PolicyProfile profile, FileRule file, TextRange range, String written) {
        if (file.target() != null) {
            PolicyProfile target = byFullName(file.target());
            if (target == null) {
                target = externalByName(file.target());
            }
            return new Transition(profile, file, range, written, Kind.PROFILE, file.target(), target);
        }
        PolicyProfile target = attachedProfile(file.path());
        return new Transition(profile, file, range, written, Kind.PROFILE,
                target != null ? target.fullName() : "(profile attached to " + file.path() + ")", target);
    }

    /** A child of {@code profile} whose attachment (or path name) matches the binary. */
    private PolicyProfile attachedChild(PolicyProfile profile, String binary) {
        for (PolicyProfile child : profile.children()) {
            String attachment = attachmentOf(child.model());
            if (attachment != null && (attachment.equals(binary) || matching.matches(attachment, binary))) {
                return child;
            }
        }
        return null;
    }

    /** A top-level profile (open text first, then the catalog) attached to the binary. */
    private PolicyProfile attachedProfile(String binary) {
        for (PolicyProfile profile : topLevel) {
            String attachment = attachmentOf(profile.model());
            if (attachment != null && (attachment.equals(binary) || matching.matches(attachment, binary))) {
                return profile;
            }
        }
        Optional<ProfileCatalog.Found> found = catalog.findAttached(binary);
        return found.map(this::adopt).orElse(null);
    }

    private static String attachmentOf(Profile profile) {
        return profile.attachment() != null ? profile.attachment() : profile.name().startsWith("/") ? profile.name() : null;
    }

    private PolicyProfile byFullName(String name) {
        for (PolicyProfile profile : allProfiles()) {
            if (profile.fullName().equals(name)) {
                return profile;
            }
        }
        for (PolicyProfile profile : external.values()) {
            if (profile.fullName().equals(name)) {
                return profile;
            }
        }
        return null;
    }

    private PolicyProfile externalByName(String name) {
        String top = name.contains("//") ? name.substring(0, name.indexOf("//")) : name;
        Optional<ProfileCatalog.Found> found = catalog.find(top);
        if (found.isEmpty()) {
            return null;
        }
        PolicyProfile adopted = adopt(found.get());
        return name.contains("//") ? byFullName(name) : adopted;
    }

    private PolicyProfile adopt(ProfileCatalog.Found found) {
        PolicyProfile existing = external.get(found.profile().name());
        if (existing != null) {
            return existing;
        }
        PolicyProfile profile = build(found.profile(), null, null, found.file());
        external.put(found.profile().name(), profile);
        computeTransitions(profile);
        return profile;
    }

    /**
     * The rule's own text in the profile: the first unclaimed rule statement naming the same path,
     * exec permission and target. A rule from an include has none of its own: the include statement
     * stands in when the profile has exactly one, else there is no range.
     */
    private static TextRange locate(PolicyProfile profile, FileRule file, Set<RuleSite> used) {
        ProfileSite site = profile.site();
        if (site == null) {
            return null;
        }
        for (RuleSite rule : site.rules()) {
            if (used.contains(rule) || !rule.words().contains(file.path())
                    || file.target() != null && !rule.words().contains(file.target())) {
                continue;
            }
            boolean hasExec = rule.words().stream().anyMatch(w -> !w.equals(file.path()) && w.matches("[A-Za-z]*x[A-Za-z]*"));
            if (hasExec) {
                used.add(rule);
                return rule.range();
            }
        }
        return site.includes().size() == 1 ? site.includes().get(0) : null;
    }

    /** The capability rule statements of a profile's text that name {@code capability} (or all). */
    static List<RuleSite> capabilitySites(ProfileSite site) {
        List<RuleSite> found = new ArrayList<>();
        if (site == null) {
            return found;
        }
        for (RuleSite rule : site.rules()) {
            if (rule.words().contains("capability")) {
                found.add(rule);
            }
        }
        return found;
    }

    private PolicyProfile chooseContainerProfile() {
        Set<PolicyProfile> targeted = new HashSet<>();
        for (PolicyProfile profile : topLevel) {
            for (PolicyProfile reached : reachableFrom(profile)) {
                if (reached != profile) {
                    targeted.add(reached);
                }
            }
        }
        for (PolicyProfile profile : topLevel) {
            if (profile.inOpenText() && !targeted.contains(profile) && !isHostProfile(profile)) {
                return profile;
            }
        }
        return topLevel.stream().filter(profile -> !isHostProfile(profile)).findFirst().orElse(null);
    }

    /**
     * A profile named by a path ({@code /usr/sbin/cupsd {…}}) attaches to a program on the host:
     * Docker selects profiles by a plain name, so such a file is not a container's profile and gets
     * no container checks or entry points. ({@code profile web /usr/bin/web {…}} still may be one, and
     * then its attachment is exactly what check 1 reports.)
     */
    static boolean isHostProfile(PolicyProfile profile) {
        String name = profile.model().name();
        return name != null && (name.startsWith("/") || name.startsWith("@{"));
    }
}
