package dev.armorbench.suggest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.armorbench.policy.model.FileRule;
import dev.armorbench.policy.model.Rule;
import org.junit.jupiter.api.Test;

class RuleModelTest {
    @Test
    void keepsReadingsOfRepeatedRulesButNotEveryRuleEverSuggested() {
        Rule kept = RuleModel.parse("/srv/app/kept r,");
        for (int i = 0; i < RuleModel.KEPT_READINGS + 500; i++) {
            RuleModel.parse("/srv/app/file" + i + " r,");
            if (i % 1000 == 0) {
                RuleModel.parse("/srv/app/kept r,"); // used again and again: the least recently used go first
            }
        }

        assertThat(RuleModel.keptReadings()).isEqualTo(RuleModel.KEPT_READINGS);
        assertThat(RuleModel.parse("/srv/app/kept r,")).isSameAs(kept);
        assertThat(RuleModel.parse("/srv/app/file0 r,")).isInstanceOf(FileRule.class).isNotNull();
    }

    @Test
    void textWithErrorsHasNoModel() {
        assertThat(RuleModel.parse("/srv/app/broken rwz,")).isNull();
    }
}
