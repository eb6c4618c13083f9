package org.xiaodai.iam.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xiaodai.audit.AuditRecord;
import org.xiaodai.audit.AuditTrail;
import org.xiaodai.iam.CurrentUser;
import org.xiaodai.iam.InstitutionRegistered;
import org.xiaodai.iam.OrganisationKind;
import org.xiaodai.iam.Permission;
import org.xiaodai.shared.problem.FieldProblem;
import org.xiaodai.shared.problem.ProblemException;
import org.xiaodai.shared.query.ListQuery;
import org.xiaodai.shared.query.PageResult;
import org.xiaodai.shared.query.PagedQuery;
import org.xiaodai.shared.validation.UnifiedSocialCreditCode;

/** Organisations (the regulator and lending institutions) and their branch trees. */
@Service
public class Organisations {

    private final IamRepository repository;
    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Organisations(IamRepository repository, JdbcClient jdbc, AuditTrail audit, ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.jdbc = jdbc;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** An organisation as shown on screens and in the API. */
    @Schema(description = "An organisation: the platform operator, the regulator or a lender.")
    public record OrganisationView(UUID id, OrganisationKind kind, @Schema(example = "HZXD") String code,
                                   @Schema(example = "杭州小额贷款股份有限公司") String name,
                                   @Schema(description = "Unified social credit code (统一社会信用代码).") @Nullable String uscc,
                                   @Schema(example = "330100") String regionCode,
                                   @Schema(allowableValues = {"ACTIVE", "SUSPENDED"}) String status) {
    }

    /** A branch as shown on screens and in the API; {@code depth} 0 is a root branch. */
    @Schema(description = "A branch of an institution.")
    public record BranchView(UUID id, UUID institutionId, @Schema(description = "Null for a root branch.") @Nullable UUID parentId,
                             @Schema(example = "DQ") String code, @Schema(example = "东区支行") String name,
                             @Schema(description = "0 for a root branch.", example = "0") int depth) {
    }

    public record NewOrganisation(OrganisationKind kind, String code, String name, String uscc, String regionCode) {
    }

    public record NewBranch(UUID parentId, String code, String name) {
    }

    /** Organisations the caller may see: all for the platform and the regulator, its own for an institution. */
    @Transactional(readOnly = true)
    public List<OrganisationView> visibleTo(CurrentUser caller) {
        return repository.organisations().stream().map(Organisations::view).toList();
    }

    /** One organisation, or 404 when it does not exist or lies outside the caller's scope. */
    @Transactional(readOnly = true)
    public OrganisationView get(CurrentUser caller, UUID id) {
        return repository.organisation(id).map(Organisations::view).orElseThrow(() -> ProblemException.notFound("organisation"));
    }

    @Transactional
    public OrganisationView register(CurrentUser caller, NewOrganisation request) {
        requirePermission(caller, Permission.INSTITUTION_MANAGE);
        return registerUnchecked(request);
    }

    /** Registration without a caller: bootstrap and demo data only. */
    @Transactional
    public OrganisationView registerUnchecked(NewOrganisation request) {
        validate(request);
        if (repository.organisationByCode(request.code().trim()).isPresent()) {
            throw ProblemException.invalid("code", "duplicate");
        }
        UUID id = repository.insertOrganisation(request.kind(), request.code().trim(), request.name().trim(),
                blankToNull(request.uscc()), request.regionCode().trim(), clock.instant());
        OrganisationView view = repository.organisation(id).map(Organisations::view).orElseThrow();
        audit.record(AuditRecord.created("iam.organisation.registered", "organisation", id, id, view));
        events.publishEvent(new InstitutionRegistered(id, view.code(), view.kind()));
        return view;
    }

    @Transactional(readOnly = true)
    public List<BranchView> branches(CurrentUser caller, UUID institutionId) {
        get(caller, institutionId);
        return jdbc.sql("""
                select id, institution_id, parent_id, code, name,
                       length(path) - length(replace(path, '/', '')) - 2 as depth
                from iam_branch where institution_id = ? order by path
                """).param(institutionId)
                .query((rs, n) -> new BranchView(rs.getObject("id", UUID.class), rs.getObject("institution_id", UUID.class),
                        rs.getObject("parent_id", UUID.class), rs.getString("code"), rs.getString("name"), rs.getInt("depth")))
                .list();
    }

    /** How the branch list may be sorted: in tree order (the default), by name or by code. */
    public static final ListQuery.Sorting BRANCH_SORTING = ListQuery.Sorting.by("tree", false, "tree", "name", "code");
    private static final Map<String, String> BRANCH_SORTS = Map.of("tree", "t.path", "name", "t.name", "code", "t.code");

    /** One page of an institution's branches, searched by name and code; in tree order unless sorted otherwise. */
    @Transactional(readOnly = true)
    public PageResult<BranchView> branchPage(CurrentUser caller, UUID institutionId, ListQuery query) {
        get(caller, institutionId);
        return PagedQuery.over(jdbc, """
                        select id, institution_id, parent_id, code, name, path,
                               length(path) - length(replace(path, '/', '')) - 2 as depth
                        from iam_branch""")
                .where("t.institution_id = :institution", Map.of("institution", institutionId))
                .search("t.name", "t.code").sortable(BRANCH_SORTS).tieBreaker("t.id")
                .fetch(query, (rs, n) -> new BranchView(rs.getObject("id", UUID.class),
                        rs.getObject("institution_id", UUID.class), rs.getObject("parent_id", UUID.class),
                        rs.getString("code"), rs.getString("name"), rs.getInt("depth")));
    }

    /** How many branches the caller can see: its institution's, or every institution's for platform and regulator. */
    @Transactional(readOnly = true)
    public long branchCount(CurrentUser caller) {
        return jdbc.sql("select count(*) from iam_branch").query(Long.class).single();
    }

    @Transactional
    public BranchView addBranch(CurrentUser caller, UUID institutionId, NewBranch request) {
        requirePermission(caller, Permission.BRANCH_MANAGE);
        OrganisationView institution = get(caller, institutionId);
        if (!caller.isPlatform() && !caller.organisationId().equals(institutionId)) {
            throw ProblemException.notFound("organisation");
        }
        return addBranchUnchecked(institution.id(), request);
    }

    @Transactional
    public BranchView addBranchUnchecked(UUID institutionId, NewBranch request) {
        List<FieldProblem> problems = new java.util.ArrayList<>();
        String parentPath = "/";
        if (request.parentId() != null) {
            parentPath = jdbc.sql("select path from iam_branch where id = ? and institution_id = ?")
                    .params(request.parentId(), institutionId).query(String.class).optional().orElse(null);
            if (parentPath == null) {
                problems.add(FieldProblem.of("parentId", "unknown"));
            }
        }
        BranchRules.check(jdbc, problems, institutionId, request.parentId(), null, request.code(), request.name());
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into iam_branch (id, institution_id, parent_id, code, name, path, created_at)
                values (?, ?, ?, ?, ?, ?, ?)
                """).params(id, institutionId, request.parentId(), request.code().trim(), request.name().trim(),
                parentPath + id + "/", Timestamp.from(clock.instant())).update();
        BranchView view = new BranchView(id, institutionId, request.parentId(), request.code().trim(),
                request.name().trim(), (int) parentPath.chars().filter(c -> c == '/').count() - 1);
        audit.record(AuditRecord.created("iam.branch.created", "branch", id, institutionId, view));
        return view;
    }

    private static void validate(NewOrganisation request) {
        List<FieldProblem> problems = new java.util.ArrayList<>();
        if (request.kind() == null) {
            problems.add(FieldProblem.of("kind", "required"));
        }
        requireCode(problems, "code", request.code());
        requireText(problems, "name", request.name(), 100);
        if (request.kind() == OrganisationKind.PLATFORM) {
            requireText(problems, "regionCode", request.regionCode(), 12);
        } else if (request.regionCode() == null || request.regionCode().isBlank()) {
            problems.add(FieldProblem.of("regionCode", "required"));
        } else if (!RegionCode.isValid(request.regionCode().trim())) {
            problems.add(FieldProblem.of("regionCode", "regionCode"));
        }
        if (request.uscc() != null && !request.uscc().isBlank()) {
            UnifiedSocialCreditCode.validate(request.uscc()).errors().forEach(v ->
                    problems.add(new FieldProblem("uscc", v.rule(), v.messageKey(), v.args())));
        }
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
    }

    static void requireText(List<FieldProblem> problems, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            problems.add(FieldProblem.of(field, "required"));
        } else if (value.trim().length() > max) {
            problems.add(FieldProblem.of(field, "size", 1, max));
        }
    }

    /** A code (branch, organisation): {@value BranchRules#CODE_RULE}; the error names the pattern. */
    static void requireCode(List<FieldProblem> problems, String field, String value) {
        if (value == null || value.isBlank()) {
            problems.add(FieldProblem.of(field, "required"));
        } else if (!value.trim().matches(BranchRules.CODE_PATTERN)) {
            problems.add(FieldProblem.of(field, "codeFormat", 2, 32));
        }
    }

    static void requirePermission(CurrentUser caller, Permission permission) {
        if (!caller.has(permission)) {
            throw ProblemException.forbidden("forbidden");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static OrganisationView view(OrganisationRow o) {
        return new OrganisationView(o.id(), o.kind(), o.code(), o.name(), o.uscc(), o.regionCode(), o.status());
    }
}
