package dev.armorbench.suggest;

import dev.armorbench.policy.check.LintResult;
import dev.armorbench.policy.check.PolicyReader;
import dev.armorbench.policy.check.PolicySources;
import dev.armorbench.policy.check.SourceFile;
import dev.armorbench.policy.model.Profile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Offers {@code include <abstractions/NAME>} where one abstraction on the search path grants
 * several of a profile's file suggestions at once. Each abstraction is read once, as a profile
 * that includes it (with {@code tunables/global} when the search path has it, for its variables).
 */
public final class AbstractionOffers {
    /** An abstraction offered needs to replace at least this many suggestions. */
    public static final int MIN_COVERED = 2;

    private final List<String> names;
    private final PolicySources sources;
    private final boolean tunables;
    private final Map<String, KnownProfiles.Entry> read = new LinkedHashMap<>();
    private final Map<List<Object>, Boolean> answers = new java.util.HashMap<>();

    private AbstractionOffers(List<String> names, PolicySources sources, boolean tunables) {
        this.names = names;
        this.sources = sources;
        this.tunables = tunables;
    }

    /** The abstractions found in {@code abstractions/} of each search directory. */
    public static AbstractionOffers onSearchPath(List<Path> searchPath) throws IOException {
        List<String> names = new ArrayList<>();
        boolean tunables = false;
        for (Path dir : searchPath) {
            Path abstractions = dir.resolve("abstractions");
            if (Files.isDirectory(abstractions)) {
                for (Path file : PolicySources.directoryFiles(abstractions)) {
                    String name = file.getFileName().toString();
                    if (!names.contains(name)) {
                        names.add(name);
                    }
                }
            }
            tunables |= Files.isRegularFile(dir.resolve("tunables/global"));
        }
        return new AbstractionOffers(names, new PolicySources(searchPath, Path.of("")), tunables);
    }

    public List<String> names() {
        return List.copyOf(names);
    }

    /** Whether an abstraction grants a request; the same request asked for by many profiles is checked once. */
    private boolean granted(KnownProfiles.Entry entry, String name, Suggestion s, Grants grants) {
        return answers.computeIfAbsent(List.of(name, s.request()), k -> grants.granted(entry, s.request(), s.chosen()));
    }

    private KnownProfiles.Entry entry(String name) {
        return read.computeIfAbsent(name, n -> {
            String text = (tunables ? "include <tunables/global>\n" : "") + "profile abstraction {\n  include <abstractions/" + n
                    + ">\n}\n";
            LintResult result = PolicyReader.lint(new SourceFile(Path.of("abstractions-" + n), text), sources);
            if (result.policy().profiles().isEmpty()) {
                return null;
            }
            Profile profile = result.policy().profiles().get(0);
            return new KnownProfiles.Entry(ProfilePath.of("abstraction"), profile, result.policy(), result);
        });
    }

    /**
     * Replaces, per profile, the file suggestions that one abstraction grants together (when it
     * grants at least {@link #MIN_COVERED}) by an include of it, the largest first.
     */
    List<Suggestion> offer(List<Suggestion> suggestions, KnownProfiles profiles, Grants grants) {
        Map<ProfilePath, List<Suggestion>> byProfile = new LinkedHashMap<>();
        for (Suggestion s : suggestions) {
            byProfile.computeIfAbsent(s.profile(), p -> new ArrayList<>()).add(s);
        }
        List<Suggestion> out = new ArrayList<>();
        for (Map.Entry<ProfilePath, List<Suggestion>> group : byProfile.entrySet()) {
            List<Suggestion> left = new ArrayList<>(group.getValue());
            List<Suggestion> includes = new ArrayList<>();
            // Which file suggestions each abstraction grants, computed once; then the largest
            // group is taken, repeatedly, from what is left.
            Map<String, List<Suggestion>> grantedBy = new LinkedHashMap<>();
            long files = left.stream().filter(s -> s.request() instanceof FileRequest || s.request() instanceof ExecRequest)
                    .count();
            if (files >= MIN_COVERED) {
                for (String name : names) {
                    KnownProfiles.Entry entry = entry(name);
                    if (entry == null) {
                        continue;
                    }
                    List<Suggestion> covered = new ArrayList<>();
                    for (Suggestion s : left) {
                        if ((s.request() instanceof FileRequest || s.request() instanceof ExecRequest)
                                && granted(entry, name, s, grants)) {
                            covered.add(s);
                        }
                    }
                    if (covered.size() >= MIN_COVERED) {
                        grantedBy.put(name, covered);
                    }
                }
            }
            while (true) {
                String best = null;
                List<Suggestion> bestCovered = List.of();
                for (Map.Entry<String, List<Suggestion>> candidate : grantedBy.entrySet()) {
                    List<Suggestion> covered = new ArrayList<>(candidate.getValue());
                    covered.retainAll(left);
                    if (covered.size() > bestCovered.size()) {
                        best = candidate.getKey();
                        bestCovered = covered;
                    }
                }
                if (best == null || bestCovered.size() < MIN_COVERED) {
                    break;
                }
                grantedBy.remove(best);
                left.removeAll(bestCovered);
                EventSummary events = bestCovered.get(0).events();
                for (int i = 1; i < bestCovered.size(); i++) {
                    events = events.plus(bestCovered.get(i).events());
                }
                Suggestion first = bestCovered.get(0);
                String rule = "include <abstractions/" + best + ">";
                includes.add(new Suggestion(first.file(), first.profile(), RuleKind.INCLUDE,
                        List.of(new Alternative(rule, "grants " + bestCovered.size() + " of these at once", RuleKind.INCLUDE)),
                        0, events, bestCovered, null));
            }
            out.addAll(includes);
            out.addAll(left);
        }
        return out;
    }
}
