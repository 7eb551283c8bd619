package dev.armorbench.suggest;

import dev.armorbench.policy.model.FileRule;
import dev.armorbench.policy.model.Rule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
        return gather(gather(suggestions, false), true);
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

    private static List<Suggestion> gather(List<Suggestion> suggestions, boolean inDirectoryName) {
        Map<String, List<Member>> groups = new LinkedHashMap<>();
        for (int i = 0; i < suggestions.size(); i++) {
            Suggestion s = suggestions.get(i);
            if (s.kind() != RuleKind.FILE || !s.replaces().isEmpty() || !(s.request() instanceof FileRequest)) {
                continue;
            }
            Rule rule = RuleModel.parse(s.chosen().rule());
            if (!(rule instanceof FileRule file) || file.exec() != null || file.target() != null
                    || PlainPaths.of(rule) == null) {
                continue;
            }
            Place place = Place.of(file.path(), inDirectoryName);
            if (place == null) {
                continue;
            }
            String key = s.profile().label() + '\n' + file.qualifiers().prefix() + '\n' + file.perms() + '\n'
                    + place.prefix() + '\n' + place.suffix();
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(new Member(i, file, place));
        }
        Suggestion[] placed = suggestions.toArray(new Suggestion[0]);
        boolean changed = false;
        for (List<Member> group : groups.values()) {
            if (group.size() < MIN_SIBLINGS) {
                continue;
            }
            List<Suggestion> replaced = new ArrayList<>();
            for (Member member : group) {
                replaced.add(placed[member.index()]);
                placed[member.index()] = null;
            }
            placed[group.get(0).index()] = globbed(replaced, group, inDirectoryName);
            changed = true;
        }
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
        EventSummary events = replaced.get(0).events();
        for (int i = 1; i < replaced.size(); i++) {
            events = events.plus(replaced.get(i).events());
        }
        Suggestion model = replaced.get(0);
        return new Suggestion(model.file(), model.profile(), RuleKind.FILE, ways, 0, events, replaced, null);
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
