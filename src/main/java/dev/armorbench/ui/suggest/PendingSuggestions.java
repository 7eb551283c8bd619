package dev.armorbench.ui.suggest;

import dev.armorbench.suggest.Alternative;
import dev.armorbench.suggest.Suggestion;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The suggestions of one document that wait for an answer. The same rule offered again (a live log
 * sends its suggestions over and over, with more events each time) merges into the pending one:
 * it takes the new events and keeps the alternative the user picked. A suggestion the user accepted
 * or rejected is not offered again in this document.
 */
final class PendingSuggestions {
    private final Map<String, Suggestion> pending = new LinkedHashMap<>();
    private final Set<String> picked = new HashSet<>();
    private final Set<String> answered = new HashSet<>();

    /** What makes two suggestions the same offer: the profile and every way to write the rule. */
    static String key(Suggestion suggestion) {
        StringBuilder key = new StringBuilder(suggestion.profile().label());
        for (Alternative alternative : suggestion.alternatives()) {
            key.append('\n').append(alternative.rule());
        }
        return key.toString();
    }

    /** Merges {@code offered} in; returns how many of them were not pending before. */
    int merge(List<Suggestion> offered) {
        int added = 0;
        for (Suggestion suggestion : offered) {
            String key = key(suggestion);
            if (answered.contains(key)) {
                continue;
            }
            Suggestion before = pending.get(key);
            if (before == null) {
                added++;
                pending.put(key, suggestion);
            } else if (picked.contains(key)) {
                pending.put(key, suggestion.choose(before.defaultIndex()));
            } else {
                pending.put(key, suggestion);
            }
        }
        return added;
    }

    List<Suggestion> all() {
        return List.copyOf(pending.values());
    }

    boolean isEmpty() {
        return pending.isEmpty();
    }

    int size() {
        return pending.size();
    }

    /** The pending suggestion offered as {@code suggestion} now, with its current choice. */
    Suggestion current(Suggestion suggestion) {
        return pending.get(key(suggestion));
    }

    /** The user picked another way to write a suggestion. */
    void choose(Suggestion suggestion, int alternative) {
        String key = key(suggestion);
        Suggestion now = pending.get(key);
        if (now != null) {
            pending.put(key, now.choose(alternative));
            picked.add(key);
        }
    }

    /** The user accepted or rejected these; they leave and are not offered again. */
    void answer(Collection<Suggestion> suggestions) {
        for (Suggestion suggestion : suggestions) {
            String key = key(suggestion);
            pending.remove(key);
            answered.add(key);
        }
    }

    /** Every suggestion pending now, answered. */
    List<Suggestion> answerAll() {
        List<Suggestion> all = new ArrayList<>(pending.values());
        answer(all);
        return all;
    }
}
