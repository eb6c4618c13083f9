package org.xiaodai.scoring.internal;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xiaodai.audit.AuditRecord;
import org.xiaodai.audit.AuditTrail;
import org.xiaodai.iam.CurrentUser;
import org.xiaodai.iam.CurrentUsers;
import org.xiaodai.shared.problem.FieldProblem;
import org.xiaodai.shared.problem.ProblemException;

/**
 * A model's way to production: built (draft) → approved by someone other than its builder
 * (maker-checker) → active for a product as champion (decides) or challenger (scored alongside).
 */
@Service
public class ModelLifecycle {

    /** Champion or challenger. */
    public enum Role { CHAMPION, CHALLENGER }

    private final ScoringRepository repository;
    private final ScoringModels models;
    private final AuditTrail audit;
    private final Clock clock;

    ModelLifecycle(ScoringRepository repository, ScoringModels models, AuditTrail audit, Clock clock) {
        this.repository = repository;
        this.models = models;
        this.audit = audit;
        this.clock = clock;
    }

    /** Approves a draft; the user who built it may not. */
    @Transactional
    public ModelViews.ModelDetail approve(UUID id) {
        CurrentUser user = CurrentUsers.require();
        ModelRow m = models.row(id);
        if (user.userId().equals(m.builtBy())) {
            throw ProblemException.forbidden("maker-cannot-check");
        }
        if (!"DRAFT".equals(m.status()) || !repository.approve(id, user.userId(), user.username(), clock.instant())) {
            throw invalid("id", "notDraft");
        }
        audit.record(AuditRecord.changed("scoring.model.approved", "scoring_model", id, m.institutionId(),
                Map.of("status", m.status()), Map.of("status", "APPROVED")));
        return models.get(id);
    }

    /**
     * Puts an approved model into a slot (product or default, its purpose, the role), replacing the
     * model that held it.
     *
     * @param productId null: the default for every product without its own model
     */
    @Transactional
    public ModelViews.ModelDetail activate(UUID id, UUID productId, Role role) {
        CurrentUser user = CurrentUsers.require();
        ModelRow m = models.row(id);
        if (!"APPROVED".equals(m.status())) {
            throw invalid("id", "notApproved");
        }
        UUID before = repository.assigned(productId, m.purpose(), role.name()).orElse(null);
        repository.assign(m.institutionId(), productId, m.purpose(), role.name(), id, user.userId(), user.username(),
                clock.instant());
        audit.record(AuditRecord.changed("scoring.model.activated", "scoring_model", id, m.institutionId(),
                before == null ? null : Map.of("model", before.toString()),
                Map.of("product", String.valueOf(productId), "purpose", m.purpose(), "role", role.name())));
        return models.get(id);
    }

    static ProblemException invalid(String field, String rule) {
        return invalidField(field, rule, "scoring.problem." + rule);
    }

    /** A 400 naming the field, the rule and the message key of the explanation. */
    public static ProblemException invalidField(String field, String rule, String messageKey) {
        return ProblemException.invalid(List.of(new FieldProblem(field, rule, messageKey, List.of())));
    }
}
