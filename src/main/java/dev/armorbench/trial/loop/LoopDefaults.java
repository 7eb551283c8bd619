package dev.armorbench.trial.loop;

import dev.armorbench.suggest.Alternative;
import dev.armorbench.suggest.NetworkRuleForm;
import dev.armorbench.suggest.RuleKind;
import dev.armorbench.suggest.Suggestion;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The alternative the loop applies for each suggestion ("the defaults" of {@code trial --apply}):
 * the suggester's default, except for network rules, where it is {@code network FAMILY TYPE,}.
 *
 * <p>Why network differs, as seen on the guest (Debian 12, kernel 6.1, apparmor_parser 3.0.8): the
 * kernel logs one event per socket operation with its addresses and the peer's ephemeral port
 * ({@code network (send) inet stream ip=127.0.0.1 port=58472 peer=(…)}), so the exact form changes
 * with every run and would never let the loop settle; and apparmor_parser 3.0 reads neither
 * permissions nor addresses in a network rule ("syntax error, unexpected TOK_ID"). The family and
 * type form is what aa-logprof 3.0 writes, loads everywhere, and covers every operation of the run.
 *
 * <p>Suggestions that come to the same rule in the same profile are applied once.
 */
public final class LoopDefaults {
    private LoopDefaults() {
    }

    public static List<Suggestion> choose(List<Suggestion> suggestions) {
        List<Suggestion> chosen = new ArrayList<>();
        Set<OfferedRule> seen = new HashSet<>();
        for (Suggestion suggestion : suggestions) {
            Suggestion applied = suggestion.kind() == RuleKind.NETWORK ? familyAndType(suggestion) : suggestion;
            if (seen.add(OfferedRule.of(applied))) {
                chosen.add(applied);
            }
        }
        return chosen;
    }

    /** The first alternative without permissions or addresses, else the suggestion as it is. */
    private static Suggestion familyAndType(Suggestion suggestion) {
        List<Alternative> alternatives = suggestion.alternatives();
        for (int i = 0; i < alternatives.size(); i++) {
            if (NetworkRuleForm.isFamilyAndType(alternatives.get(i).rule())) {
                return suggestion.choose(i);
            }
        }
        return suggestion;
    }
}
