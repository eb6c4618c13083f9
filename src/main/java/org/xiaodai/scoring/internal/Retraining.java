package org.xiaodai.scoring.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.xiaodai.audit.AuditRecord;
import org.xiaodai.audit.AuditTrail;
import org.xiaodai.iam.CurrentUser;
import org.xiaodai.iam.CurrentUsers;
import org.xiaodai.scoring.Purpose;
import org.xiaodai.scoring.domain.CsvDataset;
import org.xiaodai.scoring.domain.Dataset;
import org.xiaodai.scoring.domain.GradientBoosting;
import org.xiaodai.scoring.domain.Metrics;
import org.xiaodai.scoring.domain.ModelReport;
import org.xiaodai.scoring.domain.ScorecardCodec;
import org.xiaodai.scoring.domain.ScorecardTrainer;
import org.xiaodai.scoring.domain.TrainingOptions;
import org.xiaodai.shared.tenant.TenantWall;

/**
 * Trains a new model version from an uploaded CSV in the background: the file is read and checked
 * at once (a bad file is refused before anything is stored), then a {@code TRAINING} version is
 * stored and trained on a background thread that records its progress; it ends as a draft with
 * its metrics on the held-out fifth of the rows (every fifth row), or as failed with the reason.
 */
@Service
public class Retraining implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(Retraining.class);

    /** What to train: the new version's name and purpose, the target column, the CSV text. */
    public record Request(String name, Purpose purpose, String targetColumn, String csv) {
    }

    private final ScoringRepository repository;
    private final ScoringModels models;
    private final AuditTrail audit;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final ExecutorService executor = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("scoring-training-", 0).factory());

    Retraining(ScoringRepository repository, ScoringModels models, AuditTrail audit, Clock clock,
            TransactionTemplate transactions) {
        this.repository = repository;
        this.models = models;
        this.audit = audit;
        this.clock = clock;
        this.transactions = transactions;
    }

    @Transactional
    public ModelViews.ModelSummary start(Request request) {
        CurrentUser user = CurrentUsers.require();
        Dataset data = read(request);
        UUID id = UUID.randomUUID();
        ModelRow row = new ModelRow(id, user.organisationId(), request.name().trim(), request.purpose().name(),
                repository.nextVersion(request.name().trim()), "TRAINING", 0, null, null,
                ModelJson.trainingData("uploaded CSV", data.size(), data.bads(),
                        "trained on 4 of 5 rows, measured on every fifth row", request.targetColumn()),
                ModelSeeder.CODE_VERSION, null, user.userId(), user.username(), clock.instant(), null, null, null);
        repository.insertModel(row);
        audit.record(AuditRecord.created("scoring.model.training-started", "scoring_model", id, user.organisationId(),
                Map.of("name", row.name(), "version", row.version(), "rows", data.size())));
        UUID institution = user.organisationId();
        org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                new org.springframework.transaction.support.TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        executor.execute(() -> train(institution, id, data));
                    }
                });
        return models.list().stream().filter(m -> m.id().equals(id)).findFirst().orElseThrow();
    }

    private static Dataset read(Request request) {
        try {
            Dataset data = CsvDataset.read(request.csv(), request.targetColumn());
            if (data.bads() < 10 || data.size() - data.bads() < 10) {
                throw ModelLifecycle.invalid("csv", "csvTooFewBads");
            }
            return data;
        } catch (CsvDataset.InvalidCsv e) {
            throw ModelLifecycle.invalid(e.rule().equals("csvTargetColumn") ? "targetColumn" : "csv", e.rule());
        } catch (NumberFormatException e) {
            throw ModelLifecycle.invalid("csv", "csvColumns");
        }
    }

    private void train(UUID institution, UUID id, Dataset data) {
        TenantWall.asInstitution(institution, () -> {
            try {
                int[][] split = split(data.size());
                Dataset train = data.rows(split[0]);
                Dataset held = data.rows(split[1]);
                int[] last = {-1};
                var result = ScorecardTrainer.train(train, TrainingOptions.defaults(), percent -> {
                    if (percent / 10 != last[0] / 10) {
                        last[0] = percent;
                        transactions.executeWithoutResult(tx -> repository.progress(id, percent));
                    }
                });
                double[] gbm = GradientBoosting.defaults().fit(train, false).predict(held);
                for (int i = 0; i < gbm.length; i++) {
                    gbm[i] = -gbm[i];
                }
                ModelReport report = ModelReport.of("every fifth row held out", result.scorecard().scores(held),
                        held.targets(), Metrics.auc(gbm, held.targets()));
                transactions.executeWithoutResult(tx -> repository.finishTraining(id,
                        ScorecardCodec.save(result.scorecard()), ModelJson.metrics(report, result.binnings())));
            } catch (RuntimeException e) {
                log.warn("Training model {} failed: {}", id, e.getMessage());
                transactions.executeWithoutResult(tx -> repository.failTraining(id, String.valueOf(e.getMessage())));
            }
        });
    }

    private static int[][] split(int n) {
        List<Integer> train = new ArrayList<>();
        List<Integer> held = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            (i % 5 == 4 ? held : train).add(i);
        }
        return new int[][] {train.stream().mapToInt(Integer::intValue).toArray(),
            held.stream().mapToInt(Integer::intValue).toArray()};
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
