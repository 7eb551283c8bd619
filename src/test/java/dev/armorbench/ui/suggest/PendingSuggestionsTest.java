package dev.armorbench.ui.suggest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.armorbench.suggest.Alternative;
import dev.armorbench.suggest.EventSummary;
import dev.armorbench.suggest.ProfilePath;
import dev.armorbench.suggest.RuleKind;
import dev.armorbench.suggest.Suggestion;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What waits for an answer as a live feed offers suggestions again and again. */
class PendingSuggestionsTest {
    private static Suggestion file(String rule, List<Suggestion> replaces) {
        return new Suggestion(Path.of("/tmp/p"), ProfilePath.of("p"), RuleKind.FILE,
                List.of(new Alternative(rule, "exact", RuleKind.FILE), new Alternative("/srv/** r,", "everything", RuleKind.FILE)),
                0, new EventSummary(1, 1, "comm", List.of(), null), replaces, null);
    }

    @Test
    void anOfferThatReplacesOthersTakesThePlaceOfThoseWaitingUntouched() {
        PendingSuggestions pending = new PendingSuggestions();
        Suggestion a = file("/srv/a r,", List.of());
        Suggestion b = file("/srv/b r,", List.of());
        Suggestion c = file("/srv/c r,", List.of());
        pending.merge(List.of(a, b, c));
        // The user chose another way to write b: that one is theirs now, and stays.
        pending.choose(pending.all().get(1), 1);

        Suggestion glob = file("/srv/* r,", List.of(a, b, c));
        assertThat(pending.merge(List.of(glob))).isEqualTo(1);
        assertThat(pending.all()).extracting(s -> s.chosen().rule()).containsExactly("/srv/** r,", "/srv/* r,");
    }

    @Test
    void aSplitOfferLeavesItsRulesInItsPlaceAndIsNotOfferedAgain() {
        PendingSuggestions pending = new PendingSuggestions();
        Suggestion before = file("/etc/hosts r,", List.of());
        Suggestion after = file("/etc/passwd r,", List.of());
        Suggestion a = file("/srv/a r,", List.of());
        Suggestion b = file("/srv/b r,", List.of());
        pending.merge(List.of(before, file("/srv/* r,", List.of(a, b)), after));
        pending.qualify(pending.all().get(1), new dev.armorbench.suggest.RuleQualifiers(false, false, true));

        assertThat(pending.split(pending.all().get(1))).isTrue();
        assertThat(pending.all()).extracting(s -> s.chosen().rule())
                .containsExactly("/etc/hosts r,", "owner /srv/a r,", "owner /srv/b r,", "/etc/passwd r,");

        // The feed offers the glob again, with a file seen since: that file comes alone.
        Suggestion c = file("/srv/c r,", List.of());
        assertThat(pending.merge(List.of(file("/srv/* r,", List.of(a, b, c))))).isEqualTo(1);
        assertThat(pending.all()).extracting(s -> s.chosen().rule())
                .containsExactly("/etc/hosts r,", "owner /srv/a r,", "owner /srv/b r,", "/etc/passwd r,", "/srv/c r,");
        assertThat(pending.split(pending.all().get(1))).as("a plain rule has nothing to split into").isFalse();
    }

    @Test
    void theSameOfferAgainMergesIntoTheWaitingOne() {
        PendingSuggestions pending = new PendingSuggestions();
        pending.merge(List.of(file("/srv/a r,", List.of())));
        assertThat(pending.merge(List.of(file("/srv/a r,", List.of())))).isZero();
        assertThat(pending.size()).isEqualTo(1);
    }
}
