package org.xiaodai.bench;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import org.xiaodai.scoring.domain.Dataset;
import org.xiaodai.scoring.domain.GermanCredit;
import org.xiaodai.scoring.domain.Metrics;
import org.xiaodai.scoring.domain.Scorecard;
import org.xiaodai.scoring.domain.ScorecardTrainer;
import org.xiaodai.scoring.domain.ShippedModels;
import org.xiaodai.scoring.domain.TaiwanCreditCard;
import org.xiaodai.scoring.domain.TrainingOptions;
import org.xiaodai.scoring.domain.GradientBoosting;

/**
 * The scoring benchmark of DESIGN.md §5 on the real credit data, following the datasets README:
 * Taiwan fitted on {@code ID % 5 != 0} and reported on {@code ID % 5 == 0}; German by stratified
 * 10-fold cross-validation of the whole pipeline (binning and selection refitted in every fold,
 * seed 20261202), reporting the mean of the ten fold AUCs. {@code "model":"scorecard"} is the
 * shipped configuration (no protected attributes); {@code scorecard-with-protected} lets sex,
 * marital status and foreign-worker status in to show what leaving them out costs; {@code gbm}
 * (and {@code gbm-with-protected}) is a plain-Java gradient-boosted challenger. Then the
 * single-thread scoring rate of the shipped Taiwan scorecard on request-shaped maps.
 *
 * <p>Options: {@code --data DIR} (default {@code ../shared/datasets/credit}, else the copies in
 * {@code src/main/resources/scoring}), {@code --seconds S} per scoring round (2), {@code --rounds N}
 * (5), {@code --validate}: instead, report Taiwan on a validation split inside the training rows
 * (fit on {@code ID % 5} ∉ {0, 1}, report on {@code ID % 5 == 1}) — the only figure tuning looks at.
 */
public final class ScoringBenchmark {

    private static final long SEED = 20261202L;

    private ScoringBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = dataDirectory(option(args, "--data", null));
        TaiwanCreditCard.Data taiwan;
        try (Reader r = Files.newBufferedReader(dir.resolve(taiwanFile(dir)), StandardCharsets.UTF_8)) {
            taiwan = TaiwanCreditCard.read(r);
        }
        Dataset german;
        try (Reader r = Files.newBufferedReader(dir.resolve(germanFile(dir)), StandardCharsets.UTF_8)) {
            german = GermanCredit.read(r);
        }
        boolean validate = List.of(args).contains("--validate");
        Dataset[] split = split(taiwan, validate);
        String splitName = validate ? "validation" : "test";
        taiwanLine(splitName, "scorecard", split, (train, opts) -> scorer(train, ShippedModels.bCardOptions()));
        taiwanLine(splitName, "scorecard-with-protected", split,
                (train, opts) -> scorer(train, ShippedModels.bCardOptions().includingProtectedAttributes()));
        taiwanLine(splitName, "gbm", split, (train, opts) -> gbm(train, false));
        taiwanLine(splitName, "gbm-with-protected", split, (train, opts) -> gbm(train, true));
        if (validate) {
            return;
        }
        germanLine(german, "scorecard", train -> scorer(train, ShippedModels.aCardOptions()));
        germanLine(german, "scorecard-with-protected",
                train -> scorer(train, ShippedModels.aCardOptions().includingProtectedAttributes()));
        germanLine(german, "gbm", train -> gbm(train, false));
        germanLine(german, "gbm-with-protected", train -> gbm(train, true));
        Scorecard card = ScorecardTrainer.train(split[0], ShippedModels.bCardOptions()).scorecard();
        System.out.println(ScoringThroughput.measure(card, split[1], option(args, "--rounds", 5),
                option(args, "--seconds", 2)));
    }

    /** a fitted model as a function from a dataset to scores, higher is better */
    private interface Scorer {
        double[] scores(Dataset data);
    }

    private static Scorer scorer(Dataset train, TrainingOptions options) {
        Scorecard card = ScorecardTrainer.train(train, options).scorecard();
        return card::scores;
    }

    private static Scorer gbm(Dataset train, boolean withProtected) {
        GradientBoosting.Model model = GradientBoosting.defaults().fit(train, withProtected);
        return data -> {
            double[] pd = model.predict(data);
            double[] s = new double[pd.length];
            for (int i = 0; i < pd.length; i++) {
                s[i] = -pd[i];
            }
            return s;
        };
    }

    private static void taiwanLine(String splitName, String model, Dataset[] split,
            BiFunction<Dataset, TrainingOptions, Scorer> fit) {
        Scorer scorer = fit.apply(split[0], null);
        double[] scores = scorer.scores(split[1]);
        int[] bad = split[1].targets();
        System.out.println(String.format(Locale.ROOT,
                "{\"benchmark\":\"scoring\",\"dataset\":\"taiwan\",\"split\":\"%s\",\"model\":\"%s\",\"auc\":%.4f,"
                        + "\"ks\":%.4f,\"gini\":%.4f,\"trainRows\":%d,\"testRows\":%d}",
                splitName, model, Metrics.auc(scores, bad), Metrics.ks(scores, bad), Metrics.gini(scores, bad),
                split[0].size(), split[1].size()));
    }

    private static void germanLine(Dataset german, String model, java.util.function.Function<Dataset, Scorer> fit) {
        int[] folds = GermanCredit.stratifiedFolds(german.targets(), 10, SEED);
        double aucSum = 0;
        double ksSum = 0;
        for (int k = 0; k < 10; k++) {
            List<Integer> train = new ArrayList<>();
            List<Integer> test = new ArrayList<>();
            for (int i = 0; i < folds.length; i++) {
                (folds[i] == k ? test : train).add(i);
            }
            Dataset testRows = german.rows(test.stream().mapToInt(Integer::intValue).toArray());
            double[] scores = fit.apply(german.rows(train.stream().mapToInt(Integer::intValue).toArray()))
                    .scores(testRows);
            aucSum += Metrics.auc(scores, testRows.targets());
            ksSum += Metrics.ks(scores, testRows.targets());
        }
        System.out.println(String.format(Locale.ROOT,
                "{\"benchmark\":\"scoring\",\"dataset\":\"german\",\"protocol\":\"10-fold\",\"model\":\"%s\","
                        + "\"auc\":%.4f,\"ks\":%.4f,\"seed\":%d}",
                model, aucSum / 10, ksSum / 10, SEED));
    }

    /** {training rows, reported rows} by the README's ID rule (or the validation split inside training) */
    private static Dataset[] split(TaiwanCreditCard.Data data, boolean validate) {
        List<Integer> fit = new ArrayList<>();
        List<Integer> report = new ArrayList<>();
        for (int i = 0; i < data.ids().length; i++) {
            int bucket = data.ids()[i] % 5;
            if (bucket == 0) {
                if (!validate) {
                    report.add(i);
                }
            } else if (validate && bucket == 1) {
                report.add(i);
            } else {
                fit.add(i);
            }
        }
        return new Dataset[] {data.dataset().rows(fit.stream().mapToInt(Integer::intValue).toArray()),
            data.dataset().rows(report.stream().mapToInt(Integer::intValue).toArray())};
    }

    private static Path dataDirectory(String given) {
        if (given != null) {
            return Path.of(given);
        }
        Path shared = Path.of("../shared/datasets/credit");
        return Files.isDirectory(shared) ? shared : Path.of("src/main/resources/scoring");
    }

    private static String taiwanFile(Path dir) {
        return Files.exists(dir.resolve("taiwan/UCI_Credit_Card.csv")) ? "taiwan/UCI_Credit_Card.csv" : "UCI_Credit_Card.csv";
    }

    private static String germanFile(Path dir) {
        return Files.exists(dir.resolve("german/german.data")) ? "german/german.data" : "german.data";
    }

    private static String option(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }

    private static int option(String[] args, String name, int fallback) {
        String v = option(args, name, null);
        return v == null ? fallback : Integer.parseInt(v);
    }
}
