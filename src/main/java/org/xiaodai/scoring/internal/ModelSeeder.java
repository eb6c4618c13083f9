package org.xiaodai.scoring.internal;

import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.xiaodai.audit.AuditRecord;
import org.xiaodai.audit.AuditTrail;
import org.xiaodai.iam.InstitutionRegistered;
import org.xiaodai.iam.OrganisationKind;
import org.xiaodai.scoring.Purpose;
import org.xiaodai.scoring.domain.ScorecardCodec;
import org.xiaodai.scoring.domain.ShippedTraining;
import org.xiaodai.shared.tenant.TenantWall;

/**
 * Gives every new lending institution the two shipped scorecards as drafts (built by the system,
 * so any risk manager may approve them) and the default grade table. In the demo region the demo
 * institutions also get both models approved and active, with a month of scores and stability
 * checks behind them ({@link ScoringDemo}).
 */
@Component
class ModelSeeder {

    static final String CODE_VERSION = "xiaodai-scoring/1 (scorecard text format 1)";
    private static final Set<String> DEMO_INSTITUTIONS = Set.of("HZXD", "NBXD");

    private final ScoringRepository repository;
    private final ShippedModelCatalogue catalogue;
    private final GradePolicy grades;
    private final AuditTrail audit;
    private final Clock clock;
    private final ScoringDemo demo;
    private final boolean demoRegion;

    ModelSeeder(ScoringRepository repository, ShippedModelCatalogue catalogue, GradePolicy grades, AuditTrail audit,
            Clock clock, ScoringDemo demo,
            @Value("#{${xiaodai.demo:true} and '${spring.datasource.url:}'.isEmpty()}") boolean demoRegion) {
        this.repository = repository;
        this.catalogue = catalogue;
        this.grades = grades;
        this.audit = audit;
        this.clock = clock;
        this.demo = demo;
        this.demoRegion = demoRegion;
    }

    @ApplicationModuleListener
    void seed(InstitutionRegistered event) {
        if (event.kind() != OrganisationKind.LENDER) {
            return;
        }
        TenantWall.asInstitution(event.institutionId(), () -> {
            repository.lockSeeding(event.institutionId());
            if (!repository.models().isEmpty()) {
                return;
            }
            grades.seedDefaults(event.institutionId());
            UUID a = insert(event.institutionId(), ShippedModelCatalogue.A_CARD, Purpose.APPLICATION, catalogue.aCard(),
                    "UCI Statlog German Credit (classpath:scoring/german.data)", "10-fold stratified CV, seed 20261202",
                    "class (2 = bad)");
            UUID b = insert(event.institutionId(), ShippedModelCatalogue.B_CARD, Purpose.BEHAVIOUR, catalogue.bCard(),
                    "UCI default of credit card clients (classpath:scoring/UCI_Credit_Card.csv)",
                    "trained on ID % 5 != 0, measured on ID % 5 == 0", "Y (1 = default next month)");
            if (demoRegion && DEMO_INSTITUTIONS.contains(event.code())) {
                demo.activateAndFill(event.institutionId(), Map.of(a, Purpose.APPLICATION, b, Purpose.BEHAVIOUR),
                        "NBXD".equals(event.code()));
            }
        });
    }

    private UUID insert(UUID institutionId, String name, Purpose purpose, ShippedTraining.Trained trained, String source,
            String split, String target) {
        UUID id = UUID.randomUUID();
        ModelRow row = new ModelRow(id, institutionId, name, purpose.name(), repository.nextVersion(name), "DRAFT", 100,
                ScorecardCodec.save(trained.scorecard()), ModelJson.metrics(trained.report(), trained.binnings()),
                ModelJson.trainingData(source, trained.trainingRows(), trained.trainingBads(), split, target),
                CODE_VERSION, null, null, "system", clock.instant(), null, null, null);
        repository.insertModel(row);
        audit.record(AuditRecord.created("scoring.model.built", "scoring_model", id, institutionId,
                Map.of("name", name, "version", row.version(), "purpose", purpose.name())));
        return id;
    }
}
