package dev.armorbench.suggest;

import dev.armorbench.policy.aare.AarePattern;
import dev.armorbench.policy.aare.AareSyntaxException;
import dev.armorbench.policy.aare.AareVariables;
import dev.armorbench.policy.check.LintResult;
import dev.armorbench.policy.model.BuiltinVariables;
import dev.armorbench.policy.model.Policy;
import dev.armorbench.policy.model.Profile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The profiles of the policy files given, found by label, with the variables each one sees. */
public final class KnownProfiles {
    /** A profile, child or hat of a policy file. */
    public static final class Entry {
        private final ProfilePath path;
        private final Profile profile;
        private final Policy policy;
        private final LintResult file;
        private AareVariables variables;
        /** Compiled rule paths; a path that does not compile (undefined variable) matches nothing. */
        private final java.util.concurrent.ConcurrentHashMap<String, AarePattern> patterns =
                new java.util.concurrent.ConcurrentHashMap<>();

        public Entry(ProfilePath path, Profile profile, Policy policy, LintResult file) {
            this.path = path;
            this.profile = profile;
            this.policy = policy;
            this.file = file;
        }

        public ProfilePath path() {
            return path;
        }

        public Profile profile() {
            return profile;
        }

        public Policy policy() {
            return policy;
        }

        public LintResult file() {
            return file;
        }

        synchronized AareVariables variables() {
            if (variables == null) {
                // A rule such as '@{exec_path} mr,' covers the program the profile attaches to.
                variables = new AareVariables(BuiltinVariables.addedTo(policy.variables(), profile));
            }
            return variables;
        }

        AarePattern pattern(String rulePath) {
            AarePattern found = patterns.get(rulePath);
            if (found == null) {
                try {
                    found = AarePattern.compilePath(variables().expand(rulePath));
                } catch (IllegalArgumentException e) {
                    found = NEVER;
                }
                patterns.put(rulePath, found);
            }
            return found;
        }

        /** Whether the tunables that define {@code @{PROC}} and {@code @{pid}} are in reach. */
        boolean hasProcVariables() {
            return policy.variables().containsKey("PROC") && policy.variables().containsKey("pid");
        }
    }

    private static final AarePattern NEVER = AarePattern.compile("never");

    private final Map<String, Entry> byLabel = new LinkedHashMap<>();
    private final List<Entry> topLevel = new ArrayList<>();

    public KnownProfiles(List<LintResult> files) {
        for (LintResult file : files) {
            for (Profile profile : file.policy().profiles()) {
                add(List.of(), profile, file);
            }
        }
    }

    public static KnownProfiles none() {
        return new KnownProfiles(List.of());
    }

    private void add(List<String> parents, Profile profile, LintResult file) {
        List<String> names = new ArrayList<>(parents);
        // A child declared as "profile a//b" inside nothing still names a child.
        names.addAll(List.of(profile.name().split("//", -1)));
        Entry entry = new Entry(new ProfilePath(names), profile, file.policy(), file);
        byLabel.putIfAbsent(entry.path.label(), entry);
        if (parents.isEmpty()) {
            topLevel.add(entry);
        }
        for (Profile child : profile.children()) {
            add(names, child, file);
        }
    }

    public Entry find(ProfilePath path) {
        return byLabel.get(path.label());
    }

    public List<Entry> topLevel() {
        return List.copyOf(topLevel);
    }

    public Path fileOf(ProfilePath path) {
        Entry root = byLabel.get(path.root());
        return root == null ? null : root.file.source().path();
    }

    /**
     * The name of an existing top-level profile for a program: {@code named} when such a profile
     * exists, else the first whose name or attachment matches {@code program}; null when none.
     */
    public String profileFor(String program, String named) {
        if (named != null && byLabel.containsKey(named)) {
            return named;
        }
        for (Entry entry : topLevel) {
            Profile profile = entry.profile;
            String attachment = profile.attachment() != null ? profile.attachment()
                    : profile.name().startsWith("/") || profile.name().startsWith("@{") ? profile.name() : null;
            if (attachment != null && attaches(entry, attachment, program)) {
                return profile.name();
            }
        }
        return null;
    }

    private static boolean attaches(Entry entry, String attachment, String program) {
        try {
            return AarePattern.compilePath(entry.variables().expand(attachment)).matches(program);
        } catch (AareSyntaxException e) {
            return false;
        }
    }
}
