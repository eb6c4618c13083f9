package org.xiaodai.scoring.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScorecardTrainerTest {

    private static final Dataset GERMAN = ScoringTestUtils.german();

    @Test
    void protectedAttributesAreNeverInputsOfAShippedModel() {
        ScorecardTrainer.Result result = ScorecardTrainer.train(GERMAN, ShippedModels.aCardOptions());

        assertThat(result.scorecard().inputs()).doesNotContain("personalStatusSex", "foreignWorker").isNotEmpty();
        assertThat(result.binnings()).extracting(VariableBinning::name).doesNotContain("personalStatusSex", "foreignWorker");
    }

    @Test
    void protectedAttributesAreBinnedOnlyWhenExplicitlyAllowedForAComparison() {
        ScorecardTrainer.Result result = ScorecardTrainer.train(GERMAN,
                ShippedModels.aCardOptions().includingProtectedAttributes());

        assertThat(result.binnings()).extracting(VariableBinning::name).contains("personalStatusSex", "foreignWorker");
    }

    @Test
    void everySelectedVariableGivesMorePointsToBetterWeightOfEvidence() {
        Scorecard card = ScorecardTrainer.train(GERMAN, ShippedModels.aCardOptions()).scorecard();

        for (Characteristic c : card.characteristics()) {
            assertThat(c.coefficient()).as(c.name()).isNegative();
            for (int a = 0; a < c.points().length; a++) {
                for (int b = 0; b < c.points().length; b++) {
                    if (c.binning().bins().get(a).woe() > c.binning().bins().get(b).woe()) {
                        assertThat(c.points(a)).as(c.name()).isGreaterThanOrEqualTo(c.points(b));
                    }
                }
            }
        }
    }

    @Test
    void aTrainedModelSurvivesASaveAndLoadRoundTripBitForBit() {
        Scorecard card = ScorecardTrainer.train(GERMAN, ShippedModels.aCardOptions()).scorecard();

        String saved = ScorecardCodec.save(card);
        Scorecard loaded = ScorecardCodec.load(saved);

        assertThat(ScorecardCodec.save(loaded)).isEqualTo(saved);
        assertThat(Double.doubleToRawLongBits(loaded.intercept())).isEqualTo(Double.doubleToRawLongBits(card.intercept()));
        for (int k = 0; k < card.characteristics().size(); k++) {
            Characteristic a = card.characteristics().get(k);
            Characteristic b = loaded.characteristics().get(k);
            assertThat(Double.doubleToRawLongBits(b.coefficient())).isEqualTo(Double.doubleToRawLongBits(a.coefficient()));
            assertThat(b.points()).containsExactly(a.points());
            assertThat(b.binning().bins()).isEqualTo(a.binning().bins());
        }
        assertThat(loaded.scores(GERMAN)).containsExactly(card.scores(GERMAN));
        for (int i = 0; i < GERMAN.size(); i++) {
            Map<String, Object> row = new HashMap<>(GERMAN.row(i));
            assertThat(loaded.reasons(row, 3)).isEqualTo(card.reasons(row, 3));
        }
    }

    @Test
    void namesWithTabsAndNewlinesSurviveTheRoundTrip() {
        assertThat(ScorecardCodec.unescape(ScorecardCodec.escape("a\tb\nc\\d"))).isEqualTo("a\tb\nc\\d");
    }

    @Test
    void theSameDataAndOptionsGiveTheSameModel() {
        String a = ScorecardCodec.save(ScorecardTrainer.train(GERMAN, ShippedModels.aCardOptions()).scorecard());
        String b = ScorecardCodec.save(ScorecardTrainer.train(GERMAN, ShippedModels.aCardOptions()).scorecard());
        assertThat(a).isEqualTo(b);
    }
}
