package dev.armorbench.suggest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.armorbench.policy.model.Rule;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link CoveredSuggestions} finds through its index exactly what trying every pair finds: the same
 * suggestions kept, in the same order, with the same events folded in.
 */
class CoveredSuggestionsPropertyTest {
    private static final ProfilePath[] PROFILES = {ProfilePath.of("p"), ProfilePath.of("q"), ProfilePath.of("p", "child")};
    /** Plain paths, patterns that cover some of them, variables and quoting, and rules of other kinds. */
    private static final String[] RULES = {
        "/a r,", "/a rw,", "owner /a r,", "/a/b r,", "/a/b mrix,", "owner /a/b r,", "/a/c w,", "/x/y r,",
        "/a/* r,", "/a/** rw,", "owner /a/** r,", "/a/{b,c} r,", "/a/[bc] r,", "/** r,", "@{HOME}/a r,",
        "\"/a b\" r,", "/a\\ b r,", "file,", "capability chown,", "capability,", "network inet stream,",
        "network,", "signal send set=term,", "signal,", "/a/b ix,",
    };

    @Property(tries = 300)
    void theIndexFindsWhatEveryPairFinds(@ForAll("suggestionLists") List<Suggestion> suggestions) {
        assertThat(described(CoveredSuggestions.fold(suggestions))).isEqualTo(described(everyPair(suggestions)));
    }

    @Provide
    Arbitrary<List<Suggestion>> suggestionLists() {
        Arbitrary<Suggestion> suggestion = Combinators.combine(Arbitraries.of(PROFILES), Arbitraries.of(RULES),
                Arbitraries.longs().between(1, 9)).as((profile, rule, count) -> new Suggestion(Path.of("/tmp/p"), profile,
                        RuleKind.FILE, List.of(new Alternative(rule, "exact", RuleKind.FILE)), 0,
                        new EventSummary(count, count, "comm", List.of(), null), List.of(), null));
        return suggestion.list().ofMinSize(0).ofMaxSize(14);
    }

    private static List<String> described(List<Suggestion> suggestions) {
        return suggestions.stream().map(s -> s.profile().label() + " " + s.chosen().rule() + " x" + s.events().count())
                .toList();
    }

    /** The fold as it was written before the index: every suggestion against every other, in list order. */
    private static List<Suggestion> everyPair(List<Suggestion> suggestions) {
        List<Suggestion> kept = new ArrayList<>(suggestions);
        for (int i = 0; i < kept.size(); i++) {
            Suggestion narrow = kept.get(i);
            Rule rule = RuleModel.parse(narrow.chosen().rule());
            if (rule == null) {
                continue;
            }
            for (int j = 0; j < kept.size(); j++) {
                Suggestion wide = kept.get(j);
                if (j == i || !wide.profile().equals(narrow.profile())) {
                    continue;
                }
                Rule wider = RuleModel.parse(wide.chosen().rule());
                if (wider != null && wider.covers(rule) && (j < i || !rule.covers(wider))) {
                    kept.set(j, new Suggestion(wide.file(), wide.profile(), wide.kind(), wide.alternatives(),
                            wide.defaultIndex(), wide.events().plus(narrow.events()), wide.replaces(), wide.request()));
                    kept.remove(i);
                    i--;
                    break;
                }
            }
        }
        return kept;
    }
}
