package dev.armorbench.suggest;

import dev.armorbench.policy.model.FileRule;
import dev.armorbench.policy.model.Rule;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Offers one rule with a glob in place of many file suggestions that differ in one name only: a
 * process that reads a directory's files ({@code /srv/www/img/1.png} … {@code /srv/www/img/600.png})
 * or the same file in many directories ({@code /srv/data/1/part} … {@code /srv/data/5000/part}).
 * aa-logprof asks about each path and lets the user glob one, after which it no longer asks about
 * those the glob covers; a list of hundreds of exact rules offers no such step, so the glob is
 * offered at once, as one suggestion that replaces them (they stay listed, as for an abstraction's
 * include). Its ways to write it go from the narrowest that grants them all ({@code *.png} in that
 * directory, {@code *} for the varying directory) to everything below.
 *
 * <p>Only plain file rules ({@link PlainPaths}) without exec are taken, with the same qualifiers
 * and permissions, at least {@link #MIN_SIBLINGS} of them, and never a glob directly under {@code /}.
 */
final class SiblingGlobs {
    /** Fewer are left as they are: a handful of exact rules reads better than a glob. */
    static final int MIN_SIBLINGS = 10;

    private SiblingGlobs() {
    }

    static List<Suggestion> offer(List<Suggestion> suggestions) {
        return gatherSubtrees(gather(gather(suggestions, false), true));
    }

    /**
     * Where a path varies: {@code prefix + varying + suffix}, the prefix a directory below the
     * root. {@code inDirectoryName}: the varying part is a directory ({@code /srv/data/*}{@code /part}),
     * else the file's name ({@code /srv/www/img/*}).
     */
    private record Place(String prefix, String varying, String suffix) {
        static Place of(String path, boolean inDirectoryName) {
            int last = path.lastIndexOf('/');
            if (last < 0 || last == path.length() - 1) {
                return null; // a directory rule, not a file of one
            }
            if (!inDirectoryName) {
                return checked(path.substring(0, last + 1), path.substring(last + 1), "");
            }
            int before = path.lastIndexOf('/', last - 1);
            return before < 0 ? null : checked(path.substring(0, before + 1), path.substring(before + 1, last),
                    path.substring(last));
        }

        private static Place checked(String prefix, String varying, String suffix) {
            boolean belowRoot = prefix.indexOf('/', 1) > 0;
            return belowRoot && !varying.isEmpty() && !varying.equals(".") && !varying.equals("..")
                    ? new Place(prefix, varying, suffix) : null;
        }
    }

    private record Member(int index, FileRule rule, Place place) {
    }

    /**
     * A plain file suggestion a glob may take, with its rule read ({@link RuleModel#parse} keeps
     * each text's reading, so the three passes read a rule once); null for any other.
     */
    private static FileRule globbable(Suggestion s) {
        if (s.kind() != RuleKind.FILE || !s.replaces().isEmpty() || !(s.request() instanceof FileRequest)) {
            return null;
        }
        Rule rule = RuleModel.parse(s.chosen().rule());
        if (!(rule instanceof FileRule file) || file.exec() != null || file.target() != null || PlainPaths.of(rule) == null) {
            return null;
        }
        return file;
    }

    /** What members of one glob share: the profile, the qualifiers, the permissions. */
    private static String sameRuleKey(Suggestion s, FileRule file) {
        return s.profile().label() + '\n' + file.qualifiers().prefix() + '\n' + file.perms();
    }

    private static List<Suggestion> gather(List<Suggestion> suggestions, boolean inDirectoryName) {
        Map<String, List<Member>> groups = new LinkedHashMap<>();
        for (int i = 0; i < suggestions.size(); i++) {
            Suggestion s = suggestions.get(i);
            FileRule file = globbable(s);
            Place place = file == null ? null : Place.of(file.path(), inDirectoryName);
            if (place == null) {
                continue;
            }
            String key = sameRuleKey(s, file) + '\n' + place.prefix() + '\n' + place.suffix();
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(new Member(i, file, place));
        }
        Suggestion[] placed = suggestions.toArray(new Suggestion[0]);
        boolean changed = false;
        for (List<Member> group : groups.values()) {
            if (group.size() < MIN_SIBLINGS) {
                continue;
            }
            replaceWithGlob(placed, group.stream().map(Member::index).toList(),
                    replaced -> globbed(replaced, group, inDirectoryName));
            changed = true;
        }
        return remaining(suggestions, placed, changed);
    }

    /** Takes {@code members} out of {@code placed} and puts their glob where the first of them was. */
    private static void replaceWithGlob(Suggestion[] placed, List<Integer> members,
            Function<List<Suggestion>, Suggestion> glob) {
        List<Suggestion> replaced = new ArrayList<>();
        for (int member : members) {
            replaced.add(placed[member]);
            placed[member] = null;
        }
        placed[members.get(0)] = glob.apply(replaced);
    }

    /** What is left in {@code placed}, in order; {@code suggestions} itself when nothing {@code changed}. */
    private static List<Suggestion> remaining(List<Suggestion> suggestions, Suggestion[] placed, boolean changed) {
        if (!changed) {
            return suggestions;
        }
        List<Suggestion> out = new ArrayList<>();
        for (Suggestion s : placed) {
            if (s != null) {
                out.add(s);
            }
        }
        return out;
    }

    /**
     * The files left exact after the two passes that vary in one name, when they vary in more: a
     * cache that spreads its files over sub-directories ({@code /var/cache/nginx/a/bc/…}), pages
     * each in a directory of its own ({@code /srv/www/pages/p13/index-13.html}). The deepest
     * directory, two levels below the root at least, that holds at least {@link #MIN_SIBLINGS}
     * of them anywhere below it, spread over at least as many directories, gets {@code DIR/**}
     * for them; a directory above one that got a glob gets none (its glob would repeat that one).
     * The spread keeps a few files of a sensitive sibling from riding along with many of another:
     * nine certificates of {@code /etc/ssl/certs/} and a key of {@code /etc/ssl/private/} stay exact.
     */
    private static List<Suggestion> gatherSubtrees(List<Suggestion> suggestions) {
        // Per same rule (profile, qualifiers, permissions): each directory, with the files below it.
        Map<String, Map<String, List<Integer>>> below = new LinkedHashMap<>();
        String[] parents = new String[suggestions.size()];
        for (int i = 0; i < suggestions.size(); i++) {
            FileRule file = globbable(suggestions.get(i));
            if (file == null) {
                continue;
            }
            Map<String, List<Integer>> directories = below.computeIfAbsent(sameRuleKey(suggestions.get(i), file),
                    k -> new LinkedHashMap<>());
            String path = file.path();
            parents[i] = path.substring(0, path.lastIndexOf('/') + 1);
            // Every directory above the file from two levels down: "/srv/www/", "/srv/www/pages/", …
            for (int slash = path.indexOf('/', path.indexOf('/', 1) + 1); slash > 0 && slash < path.length() - 1;
                    slash = path.indexOf('/', slash + 1)) {
                directories.computeIfAbsent(path.substring(0, slash + 1), k -> new ArrayList<>()).add(i);
            }
        }
        Suggestion[] placed = suggestions.toArray(new Suggestion[0]);
        boolean changed = false;
        for (Map<String, List<Integer>> directories : below.values()) {
            List<String> deepestFirst = new ArrayList<>(directories.keySet());
            deepestFirst.sort(Comparator.comparingLong((String directory) -> directory.chars().filter(c -> c == '/').count())
                    .reversed());
            List<String> globbed = new ArrayList<>();
            for (String directory : deepestFirst) {
                if (globbed.stream().anyMatch(inner -> inner.startsWith(directory))) {
                    continue;
                }
                List<Integer> members = directories.get(directory).stream().filter(i -> placed[i] == suggestions.get(i)).toList();
                long spread = members.stream().map(i -> parents[i]).distinct().count();
                if (members.size() < MIN_SIBLINGS || spread < MIN_SIBLINGS) {
                    continue;
                }
                replaceWithGlob(placed, members, replaced -> subtreeGlob(replaced, directory, spread));
                globbed.add(directory);
                changed = true;
            }
        }
        return remaining(suggestions, placed, changed);
    }

    /** {@code DIR/**} for {@code replaced}, files in {@code directories} directories below it. */
    private static Suggestion subtreeGlob(List<Suggestion> replaced, String directory, long directories) {
        FileRule first = (FileRule) RuleModel.parse(replaced.get(0).chosen().rule());
        String label = replaced.size() + " files in " + directories + " directories below " + directory;
        return withEvents(replaced, List.of(way(first, directory + "**", label)));
    }

    private static Suggestion withEvents(List<Suggestion> replaced, List<Alternative> ways) {
        EventSummary events = replaced.get(0).events();
        for (int i = 1; i < replaced.size(); i++) {
            events = events.plus(replaced.get(i).events());
        }
        Suggestion model = replaced.get(0);
        return new Suggestion(model.file(), model.profile(), RuleKind.FILE, ways, 0, events, replaced, null);
    }

    private static Suggestion globbed(List<Suggestion> replaced, List<Member> group, boolean inDirectoryName) {
        FileRule first = group.get(0).rule();
        Place place = group.get(0).place();
        String prefix = place.prefix();
        int count = group.size();
        List<Alternative> ways = new ArrayList<>();
        if (inDirectoryName) {
            ways.add(way(first, prefix + "*" + place.suffix(), count + " directories here: *" + place.suffix()));
        } else {
            String extension = commonExtension(group);
            if (extension != null) {
                ways.add(way(first, prefix + "*" + extension, count + " files here: *" + extension));
            }
            ways.add(way(first, prefix + "*", (extension == null ? count + " files here: " : "") + "any file in " + prefix));
        }
        ways.add(way(first, prefix + "**", "everything below " + prefix));
        return withEvents(replaced, ways);
    }

    private static Alternative way(FileRule like, String path, String label) {
        return new Alternative(new FileRule(like.qualifiers(), path, like.perms(), null, null).canonical(), label,
                RuleKind.FILE);
    }

    /** The {@code .ext} every varying name ends with (a short one, after a name), or null. */
    private static String commonExtension(List<Member> group) {
        String extension = null;
        for (Member member : group) {
            String name = member.place().varying();
            int dot = name.lastIndexOf('.');
            if (dot <= 0 || name.length() - dot > 10) {
                return null;
            }
            String own = name.substring(dot);
            if (extension == null) {
                extension = own;
            } else if (!extension.equals(own)) {
                return null;
            }
        }
        return extension;
    }
}
