package org.xiaodai.scoring.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CsvDatasetTest {

    private static final String CSV = """
            id,income,city,Gender,marital_status,bad
            1,1000,HZ,F,single,0
            2,,NB,M,married,1
            3,3000,HZ,F,single,0
            """;

    @Test
    void readsNumericAndCategoricalColumnsAndMarksProtectedOnesByName() {
        Dataset data = CsvDataset.read(CSV, "bad");

        assertThat(data.features()).extracting(Feature::name).containsExactly("income", "city", "Gender", "marital_status");
        assertThat(data.features().get(0).numeric()).isTrue();
        assertThat(data.features().get(1).numeric()).isFalse();
        assertThat(data.features()).extracting(Feature::protectedAttribute).containsExactly(false, false, true, true);
        assertThat(Double.isNaN(data.number(1, 0))).isTrue();
        assertThat(data.bads()).isEqualTo(1);
    }

    @Test
    void refusesAMissingTargetColumnAndTargetsOtherThanZeroOrOne() {
        assertThatThrownBy(() -> CsvDataset.read(CSV, "default")).isInstanceOf(CsvDataset.InvalidCsv.class)
                .extracting(e -> ((CsvDataset.InvalidCsv) e).rule()).isEqualTo("csvTargetColumn");
        assertThatThrownBy(() -> CsvDataset.read(CSV.replace("single,0\n2", "single,2\n2"), "bad"))
                .extracting(e -> ((CsvDataset.InvalidCsv) e).rule()).isEqualTo("csvTarget");
    }

    @Test
    void trainingFromAnUploadLeavesTheProtectedColumnsOut() {
        StringBuilder csv = new StringBuilder("income,gender,bad\n");
        for (int i = 0; i < 400; i++) {
            boolean bad = i % 4 == 0;
            csv.append(bad ? 1000 + i * 37 % 3000 : 2000 + i * 53 % 3000).append(',').append(bad ? "M" : "F").append(',')
                    .append(bad ? 1 : 0).append('\n');
        }
        Scorecard card = ScorecardTrainer.train(CsvDataset.read(csv.toString(), "bad"), TrainingOptions.defaults()).scorecard();
        assertThat(card.inputs()).containsExactly("income");
    }
}
