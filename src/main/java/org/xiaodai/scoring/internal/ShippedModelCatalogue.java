package org.xiaodai.scoring.internal;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import java.util.List;
import java.util.Map;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.xiaodai.scoring.domain.Dataset;
import org.xiaodai.scoring.domain.GermanCredit;
import org.xiaodai.scoring.domain.ShippedTraining;
import org.xiaodai.scoring.domain.TaiwanCreditCard;

/**
 * The two shipped scorecards, trained once per process from the public files on the classpath
 * ({@code scoring/german.data}, {@code scoring/UCI_Credit_Card.csv}) when first needed, then copied
 * into every institution. Training is deterministic, so every process builds the same models.
 */
@Component
class ShippedModelCatalogue {

    static final String A_CARD = "A-card German application";
    static final String B_CARD = "B-card Taiwan behaviour";

    private ShippedTraining.Trained aCard;
    private ShippedTraining.Trained bCard;
    private List<Map<String, Object>> applicationRows;
    private List<Map<String, Object>> behaviourRows;

    synchronized ShippedTraining.Trained aCard() {
        if (aCard == null) {
            try (Reader r = reader("scoring/german.data")) {
                Dataset german = GermanCredit.read(r);
                aCard = ShippedTraining.aCard(german, true);
                applicationRows = rows(german, i -> true);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return aCard;
    }

    synchronized ShippedTraining.Trained bCard() {
        if (bCard == null) {
            try (Reader r = reader("scoring/UCI_Credit_Card.csv")) {
                TaiwanCreditCard.Data taiwan = TaiwanCreditCard.read(r);
                bCard = ShippedTraining.bCard(taiwan, true);
                behaviourRows = rows(taiwan.dataset(), i -> taiwan.ids()[i] % 5 == 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return bCard;
    }

    /** Rows of the German data as application inputs (for demo scores). */
    synchronized List<Map<String, Object>> applicationRows() {
        aCard();
        return applicationRows;
    }

    /** The Taiwan test-split rows as behaviour inputs (for demo scores). */
    synchronized List<Map<String, Object>> behaviourRows() {
        bCard();
        return behaviourRows;
    }

    private static List<Map<String, Object>> rows(Dataset data, java.util.function.IntPredicate keep) {
        List<Map<String, Object>> rows = new java.util.ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            if (keep.test(i)) {
                rows.add(Map.copyOf(data.row(i)));
            }
        }
        return List.copyOf(rows);
    }

    private static Reader reader(String path) throws IOException {
        return new InputStreamReader(new ClassPathResource(path).getInputStream(), StandardCharsets.UTF_8);
    }
}
