package org.xiaodai.scoring.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xiaodai.audit.AuditRecord;
import org.xiaodai.audit.AuditTrail;
import org.xiaodai.iam.CurrentUsers;
import org.xiaodai.scoring.ScoreRequest;
import org.xiaodai.scoring.ScoreResult;
import org.xiaodai.scoring.Scoring;
import org.xiaodai.scoring.domain.Characteristic;
import org.xiaodai.scoring.domain.ReasonCode;
import org.xiaodai.scoring.domain.Scorecard;
import org.xiaodai.shared.problem.FieldProblem;
import org.xiaodai.shared.problem.ProblemException;
import org.xiaodai.shared.time.BusinessDate;

/**
 * Scores with the caller's champion for the product and purpose (and its challenger beside it),
 * grades the PD through the institution's grade table, explains the score with the three
 * characteristics that cost the most points, and records every score for monitoring.
 */
@Service
class ScoringService implements Scoring {

    private final ScoringRepository repository;
    private final ScoringModels models;
    private final GradePolicy grades;
    private final BusinessDate businessDate;
    private final AuditTrail audit;
    private final Clock clock;

    ScoringService(ScoringRepository repository, ScoringModels models, GradePolicy grades, BusinessDate businessDate,
            AuditTrail audit, Clock clock) {
        this.repository = repository;
        this.models = models;
        this.grades = grades;
        this.businessDate = businessDate;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Refusals (no active model, inputs of the wrong type) come before anything is written, so they
     * leave a caller's transaction usable: origination submits without a score then, instead of
     * failing its commit.
     */
    @Override
    @Transactional(noRollbackFor = ProblemException.class)
    public ScoreResult score(ScoreRequest request) {
        // a staff caller's institution, or (a borrower applying through the portal) the one the wall is set to
        UUID institution = CurrentUsers.current().map(org.xiaodai.iam.CurrentUser::organisationId)
                .orElseGet(() -> org.xiaodai.shared.tenant.TenantWall.current().institutionId());
        if (institution == null) {
            throw new IllegalStateException("No institution to score for");
        }
        Map<String, ScoringRepository.Slot> slots = repository.slots(request.productId(), request.purpose().name());
        ScoringRepository.Slot champion = slots.get("CHAMPION");
        if (champion == null) {
            throw ModelLifecycle.invalid("purpose", "noActiveModel");
        }
        Scorecard card = models.card(champion.modelId());
        check(card, request.inputs());
        List<GradePolicy.Grade> table = grades.table();
        LocalDate date = today(institution);
        int score = record(institution, champion.modelId(), card, request, date, false);
        BigDecimal pd = pd(card, score);
        GradePolicy.Grade grade = GradePolicy.gradeOf(table, pd);
        ScoringRepository.Slot other = slots.get("CHALLENGER");
        ScoreResult.ChallengerScore challenger = other == null || other.modelId().equals(champion.modelId()) ? null
                : challenger(institution, other, request, date, table);
        List<ScoreResult.Reason> reasons = card.reasons(request.inputs(), 3).stream().map(this::reason).toList();
        audit.record(AuditRecord.created("scoring.scored", "scoring_model", champion.modelId(), institution,
                Map.of("subject", String.valueOf(request.subject()), "score", score, "grade", grade.grade())));
        return new ScoreResult(champion.modelId(), champion.name(), champion.version(), score, grade.grade(), pd, reasons,
                grade.limit(), grade.currency(), grade.rateFromPercent(), grade.rateToPercent(), challenger);
    }

    @Override
    @Transactional(readOnly = true)
    public List<String> inputsNeeded(UUID productId, org.xiaodai.scoring.Purpose purpose) {
        return repository.assigned(productId, purpose.name(), "CHAMPION")
                .map(id -> models.card(id).characteristics().stream().map(Characteristic::name).toList())
                .orElse(List.of());
    }

    private ScoreResult.ChallengerScore challenger(UUID institution, ScoringRepository.Slot m, ScoreRequest request,
            LocalDate date, List<GradePolicy.Grade> table) {
        Scorecard card = models.card(m.modelId());
        int score = record(institution, m.modelId(), card, request, date, true);
        BigDecimal pd = pd(card, score);
        return new ScoreResult.ChallengerScore(m.modelId(), m.name(), m.version(), score, GradePolicy.gradeOf(table, pd).grade(), pd);
    }

    private int record(UUID institution, UUID modelId, Scorecard card, ScoreRequest request, LocalDate date,
            boolean challenger) {
        List<Characteristic> cs = card.characteristics();
        int[] bins = new int[cs.size()];
        int score = 0;
        for (int k = 0; k < bins.length; k++) {
            bins[k] = cs.get(k).binning().binOfValue(request.inputs().get(cs.get(k).name()));
            score += cs.get(k).points(bins[k]);
        }
        repository.insertResult(institution, modelId, request.productId(), request.subject(), date, clock.instant(), score,
                bins, challenger);
        return score;
    }

    /** A value must be a number or text; a numeric variable's text must read as a number. */
    private static void check(Scorecard card, Map<String, Object> inputs) {
        for (Characteristic c : card.characteristics()) {
            Object v = inputs.get(c.name());
            boolean bad = v != null && !(v instanceof Number || v instanceof String);
            if (!bad && v instanceof String s && c.binning().feature().numeric() && !s.isBlank()) {
                try {
                    Double.parseDouble(s.trim());
                } catch (NumberFormatException e) {
                    bad = true;
                }
            }
            if (bad) {
                throw ProblemException.invalid(List.of(new FieldProblem("inputs." + c.name(), "type",
                        "problem.field.type", List.of())));
            }
        }
    }

    private ScoreResult.Reason reason(ReasonCode r) {
        return new ScoreResult.Reason(r.variable(), models.label(r.variable()), r.binLabel(), r.pointsLost());
    }

    private static BigDecimal pd(Scorecard card, int score) {
        return new BigDecimal(Double.toString(card.probabilityOfDefault(score))).setScale(4, RoundingMode.HALF_UP);
    }

    private LocalDate today(UUID institution) {
        try {
            return businessDate.of(institution);
        } catch (NoSuchElementException e) {
            return LocalDate.ofInstant(clock.instant(), clock.getZone());
        }
    }
}
