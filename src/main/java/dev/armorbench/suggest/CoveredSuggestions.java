package dev.armorbench.suggest;

import dev.armorbench.policy.model.FileRule;
import dev.armorbench.policy.model.Rule;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Leaves out a suggestion whose rule another suggestion for the same profile already grants
 * ({@code owner /bin/busybox r,} next to {@code /bin/busybox mrix,}); its events join the wider
 * one's, so accepting every default never writes a rule the profile already covers. Of two
 * equivalent rules the first stays.
 *
 * <p>A process that walks a tree makes thousands of suggestions with distinct paths, and comparing
 * every pair grew with their square (4,000 file suggestions took 3 s, and a trial run recomputes
 * its suggestions as events come). So the pairs are found through an index: a file rule whose path
 * is plain text ({@link PlainPaths}) can cover only a rule of the same path text; only the other
 * rules (patterned paths, bare {@code file,}, every other kind) are tried against everything of
 * their profile. A pattern that matches only one path ({@code /a/{b}}) is not tried against that
 * path's plain rule, which at worst keeps a suggestion another one covers, never drops one.
 */
final class CoveredSuggestions {
    private CoveredSuggestions() {
    }

    static List<Suggestion> fold(List<Suggestion> suggestions) {
        int count = suggestions.size();
        Suggestion[] current = suggestions.toArray(new Suggestion[0]);
        Rule[] rules = new Rule[count];
        boolean[] removed = new boolean[count];
        // Per profile: the suggestions whose plain path is a given text, and those that may cover anything.
        Map<ProfilePath, Map<String, List<Integer>>> byPlainPath = new HashMap<>();
        Map<ProfilePath, List<Integer>> broad = new HashMap<>();
        for (int i = 0; i < count; i++) {
            rules[i] = RuleModel.parse(current[i].chosen().rule());
            if (rules[i] == null) {
                continue;
            }
            String plain = PlainPaths.of(rules[i]);
            if (plain != null) {
                byPlainPath.computeIfAbsent(current[i].profile(), p -> new HashMap<>())
                        .computeIfAbsent(plain, p -> new ArrayList<>()).add(i);
            } else {
                broad.computeIfAbsent(current[i].profile(), p -> new ArrayList<>()).add(i);
            }
        }
        for (int i = 0; i < count; i++) {
            Rule narrow = rules[i];
            if (narrow == null) {
                continue;
            }
            // In the order of the list, as the first wider one found takes the events.
            List<Integer> broadOnes = broad.getOrDefault(current[i].profile(), List.of());
            List<Integer> samePath = narrow instanceof FileRule file && file.path() != null
                    ? byPlainPath.getOrDefault(current[i].profile(), Map.of()).getOrDefault(file.path(), List.of())
                    : List.of();
            int nextBroad = 0;
            int nextSame = 0;
            while (nextBroad < broadOnes.size() || nextSame < samePath.size()) {
                int j = nextSame == samePath.size()
                        || nextBroad < broadOnes.size() && broadOnes.get(nextBroad) < samePath.get(nextSame)
                        ? broadOnes.get(nextBroad++) : samePath.get(nextSame++);
                Rule wider = rules[j];
                if (j == i || removed[j] || !wider.covers(narrow) || j > i && narrow.covers(wider)) {
                    continue;
                }
                Suggestion wide = current[j];
                current[j] = new Suggestion(wide.file(), wide.profile(), wide.kind(), wide.alternatives(),
                        wide.defaultIndex(), wide.events().plus(current[i].events()), wide.replaces(), wide.request());
                removed[i] = true;
                break;
            }
        }
        List<Suggestion> kept = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            if (!removed[i]) {
                kept.add(current[i]);
            }
        }
        return kept;
    }
}
