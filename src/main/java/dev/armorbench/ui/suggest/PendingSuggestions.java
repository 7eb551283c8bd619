package dev.armorbench.ui.suggest;

import dev.armorbench.suggest.Alternative;
import dev.armorbench.suggest.RuleQualifiers;
import dev.armorbench.suggest.Suggestion;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The suggestions of one document that wait for an answer. The same rule offered again (a live log
 * sends its suggestions over and over, with more events each time) merges into the pending one:
 * it takes the new events and keeps what the user chose (the alternative, and {@code audit},
 * {@code deny}, {@code owner}). An offer that replaces others takes the place of those still
 * waiting untouched. A suggestion the user accepted or rejected is not offered again in this
 * document. An offer the user split into the rules it replaces ({@link #split}) is not offered
 * again either: each time it comes, its rules come instead.
 */
final class PendingSuggestions {
    /** One offer: as the engine made it, and as the user has it written now. */
    private static final class Entry {
        Suggestion offered;
        int chosen;
        boolean picked;
        RuleQualifiers qualifiers;
        Suggestion shown;

        Entry(Suggestion offered) {
            this.offered = offered;
            this.chosen = offered.defaultIndex();
        }
    }

    private final Map<String, Entry> pending = new LinkedHashMap<>();
    private final Set<String> answered = new HashSet<>();
    /** Offers the user split into the rules they replace. */
    private final Set<String> split = new HashSet<>();
    /** Every suggestion handed out, to the offer it shows (hunks hold those very objects). */
    private final Map<Suggestion, String> keyOfShown = new IdentityHashMap<>();

    /** What makes two offers the same: the profile and every way the engine writes the rule. */
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
            if (split.contains(key)) {
                // A live feed offers the glob again, with the files it saw since: those come one by one.
                added += merge(suggestion.replaces());
                continue;
            }
            // An offer that replaces others (an abstraction's include, a glob for many files) takes
            // their place where they wait untouched, as a live feed offered them before it.
            for (Suggestion replaced : suggestion.replaces()) {
                Entry waiting = pending.get(key(replaced));
                if (waiting != null && !waiting.picked && waiting.qualifiers == null) {
                    pending.remove(key(replaced));
                }
            }
            Entry entry = pending.get(key);
            if (entry == null) {
                added++;
                entry = new Entry(suggestion);
                pending.put(key, entry);
            } else {
                entry.offered = suggestion;
                if (!entry.picked) {
                    entry.chosen = suggestion.defaultIndex();
                }
            }
            rewrite(key, entry);
        }
        return added;
    }

    /** The suggestions as the user has them written now. */
    List<Suggestion> all() {
        List<Suggestion> all = new ArrayList<>();
        for (Entry entry : pending.values()) {
            all.add(entry.shown);
        }
        return all;
    }

    boolean isEmpty() {
        return pending.isEmpty();
    }

    int size() {
        return pending.size();
    }

    /** The pending suggestion that {@code suggestion} (handed out earlier) shows, as written now; null when answered. */
    Suggestion current(Suggestion suggestion) {
        Entry entry = entryOf(suggestion);
        return entry == null ? null : entry.shown;
    }

    /** The user picked another way to write a suggestion. */
    void choose(Suggestion suggestion, int alternative) {
        Entry entry = entryOf(suggestion);
        if (entry != null && alternative >= 0 && alternative < entry.offered.alternatives().size()) {
            entry.chosen = alternative;
            entry.picked = true;
            rewrite(keyOf(suggestion), entry);
        }
    }

    /**
     * The user wants the rules an offer replaces (the files a glob stands for, the rules an
     * include grants) rather than the offer: it leaves, and they wait in its place, with the
     * {@code audit}, {@code deny} or {@code owner} put on it (those answered or waiting already are
     * not added again). Returns whether it was split: false for an offer that is not waiting or
     * replaces nothing.
     */
    boolean split(Suggestion suggestion) {
        String key = keyOf(suggestion);
        Entry entry = pending.get(key);
        if (entry == null || entry.offered.replaces().isEmpty()) {
            return false;
        }
        split.add(key);
        // In the offer's place, not at the end: the hunks keep their order.
        Map<String, Entry> before = new LinkedHashMap<>(pending);
        pending.clear();
        for (Map.Entry<String, Entry> waiting : before.entrySet()) {
            if (!waiting.getKey().equals(key)) {
                pending.put(waiting.getKey(), waiting.getValue());
                continue;
            }
            for (Suggestion replaced : entry.offered.replaces()) {
                String replacedKey = key(replaced);
                if (answered.contains(replacedKey) || pending.containsKey(replacedKey) || before.containsKey(replacedKey)) {
                    continue;
                }
                Entry member = new Entry(replaced);
                member.qualifiers = entry.qualifiers;
                pending.put(replacedKey, member);
                rewrite(replacedKey, member);
            }
        }
        return true;
    }

    /** The user put {@code audit}, {@code deny} or {@code owner} on a suggestion (or took them off). */
    void qualify(Suggestion suggestion, RuleQualifiers qualifiers) {
        Entry entry = entryOf(suggestion);
        if (entry != null) {
            entry.qualifiers = qualifiers;
            rewrite(keyOf(suggestion), entry);
        }
    }

    /** Suggestions accepted together, as they were pending: what an undo brings back. */
    static final class Accepted {
        private final Map<String, Entry> entries;

        private Accepted(Map<String, Entry> entries) {
            this.entries = entries;
        }
    }

    /**
     * The user accepted these: they leave. They are not marked answered, because an undo of the
     * accept brings them back ({@link #restore}); once in the text, the engine does not offer them.
     */
    Accepted accept(Collection<Suggestion> suggestions) {
        Map<String, Entry> removed = new LinkedHashMap<>();
        for (Suggestion suggestion : suggestions) {
            String key = keyOf(suggestion);
            Entry entry = pending.remove(key);
            if (entry != null) {
                removed.put(key, entry);
            }
        }
        return new Accepted(removed);
    }

    /** Puts accepted suggestions back, as they were (undo); false when they are pending already. */
    boolean restore(Accepted accepted) {
        boolean changed = false;
        for (Map.Entry<String, Entry> entry : accepted.entries.entrySet()) {
            if (!pending.containsKey(entry.getKey()) && !answered.contains(entry.getKey())) {
                pending.put(entry.getKey(), entry.getValue());
                changed = true;
            }
        }
        return changed;
    }

    /** Takes accepted suggestions out again (redo); false when none was pending. */
    boolean withdraw(Accepted accepted) {
        boolean changed = false;
        for (String key : accepted.entries.keySet()) {
            changed |= pending.remove(key) != null;
        }
        return changed;
    }

    /** The user rejected these (or accepted them for good); they leave and are not offered again. */
    void answer(Collection<Suggestion> suggestions) {
        for (Suggestion suggestion : suggestions) {
            String key = keyOf(suggestion);
            pending.remove(key);
            answered.add(key);
        }
    }

    /** Every suggestion pending now, answered. */
    List<Suggestion> answerAll() {
        List<Suggestion> all = all();
        answer(all);
        return all;
    }

    private Entry entryOf(Suggestion suggestion) {
        return pending.get(keyOf(suggestion));
    }

    private String keyOf(Suggestion suggestion) {
        String key = keyOfShown.get(suggestion);
        return key != null ? key : key(suggestion);
    }

    /** The offer written with the user's choices: the chosen alternative, every alternative with the qualifiers. */
    private void rewrite(String key, Entry entry) {
        Suggestion base = entry.offered.choose(Math.min(entry.chosen, entry.offered.alternatives().size() - 1));
        if (entry.qualifiers != null) {
            List<Alternative> qualified = new ArrayList<>();
            for (Alternative alternative : base.alternatives()) {
                qualified.add(new Alternative(entry.qualifiers.apply(alternative.rule(), alternative.kind()),
                        alternative.label(), alternative.kind()));
            }
            base = new Suggestion(base.file(), base.profile(), base.kind(), qualified, base.defaultIndex(), base.events(),
                    base.replaces(), base.request());
        }
        entry.shown = base;
        keyOfShown.put(base, key);
    }
}
