package org.xiaodai.iam.internal;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xiaodai.audit.AuditRecord;
import org.xiaodai.audit.AuditTrail;
import org.xiaodai.iam.CurrentUser;
import org.xiaodai.iam.OrganisationKind;
import org.xiaodai.iam.Permission;
import org.xiaodai.iam.ScopeLevel;
import org.xiaodai.iam.domain.PasswordPolicy;
import org.xiaodai.shared.problem.FieldProblem;
import org.xiaodai.shared.query.ListQuery;
import org.xiaodai.shared.query.PageResult;
import org.xiaodai.shared.problem.ProblemException;

/** Users: creation, listing within scope, passwords, enabling and unlocking. */
@Service
public class Users {

    private static final SecureRandom RANDOM = new SecureRandom();
    private final IamRepository repository;
    private final Organisations organisations;
    private final PasswordEncoder passwords;
    private final AuditTrail audit;
    private final java.time.Clock clock;
    private final PasswordPolicy policy;

    Users(IamRepository repository, Organisations organisations, PasswordEncoder passwords, AuditTrail audit,
          java.time.Clock clock, IamProperties properties) {
        this.repository = repository;
        this.organisations = organisations;
        this.passwords = passwords;
        this.audit = audit;
        this.clock = clock;
        this.policy = new PasswordPolicy(properties.passwordMinLength());
    }

    /** A user as shown on screens and in the API: never the password hash. */
    @Schema(description = "A user, never with its password.")
    public record UserView(UUID id, @Schema(description = "The organisation the user belongs to.") UUID institutionId,
                           @Schema(description = "Null for users above branch level.") @Nullable UUID branchId,
                           @Schema(example = "a-officer") String username, @Schema(example = "王小明") String displayName,
                           ScopeLevel dataScope, boolean enabled, boolean locked, boolean mustChangePassword,
                           @ArraySchema(schema = @Schema(example = "LOAN_OFFICER")) List<String> roles) {
    }

    /** A request to create a user; {@code initialPassword} must meet the policy and is changed at first login. */
    public record CreateUser(UUID institutionId, UUID branchId, String username, String displayName,
                             ScopeLevel dataScope, String initialPassword) {
    }

    @Transactional(readOnly = true)
    public List<UserView> visibleTo(CurrentUser caller) {
        return repository.usersWithRoles(caller.scope()).stream().map(u -> view(u.user(), u.roleCodes())).toList();
    }

    /** How the user list may be sorted (keys of {@link IamRepository#USER_SORTS}). */
    public static final ListQuery.Sorting SORTING = ListQuery.Sorting.by("username", false,
            "username", "name", "organisation", "branch", "status");

    /**
     * One page of the users inside the caller's scope, searched by username and name, optionally
     * only those {@code enabled}, {@code disabled} or {@code locked} (anything else: all).
     */
    @Transactional(readOnly = true)
    public PageResult<UserView> page(CurrentUser caller, ListQuery query, String status) {
        PageResult<UserRow> rows = repository.users(caller.scope(), query, IamRepository.UserStatus.of(status),
                clock.instant());
        Map<UUID, List<String>> roles = repository.roleCodesOf(rows.items().stream().map(UserRow::id).toList());
        return rows.map(u -> view(u, roles.getOrDefault(u.id(), List.of())));
    }

    /** One user inside the caller's scope (branch subtree and own records honoured), or the caller itself; else 404. */
    @Transactional(readOnly = true)
    public UserView get(CurrentUser caller, UUID id) {
        Optional<IamRepository.UserWithRoles> user = id.equals(caller.userId()) ? repository.userWithRoles(id)
                : repository.userWithRolesInScope(caller.scope(), id);
        return user.map(u -> view(u.user(), u.roleCodes())).orElseThrow(() -> ProblemException.notFound("user"));
    }

    private Optional<UserRow> visible(CurrentUser caller, UUID id) {
        if (id.equals(caller.userId())) {
            return repository.user(id);
        }
        return repository.userInScope(caller.scope(), id);
    }

    /**
     * A user the caller may change (reset the password, enable or disable, grant or revoke roles):
     * inside its scope, and — within its own organisation — holding no permission and no scope the
     * caller lacks, so a user manager can never take over a more powerful account. Only the
     * platform operator manages users of other organisations.
     */
    UserRow manageable(CurrentUser caller, UUID id) {
        UserRow target = visible(caller, id).orElseThrow(() -> ProblemException.notFound("user"));
        if (caller.scope().level() == ScopeLevel.ALL) {
            return target;
        }
        boolean morePowerful = !caller.permissions().containsAll(repository.permissionsOf(id))
                || ScopeRank.of(target.dataScope()) > ScopeRank.of(caller.scope().level());
        if (morePowerful) {
            throw ProblemException.forbidden("target-more-powerful");
        }
        return target;
    }

    @Transactional
    public UserView create(CurrentUser caller, CreateUser request) {
        Organisations.requirePermission(caller, Permission.USER_MANAGE);
        UUID institution = request.institutionId() == null ? caller.organisationId() : request.institutionId();
        if (!caller.isPlatform() && !institution.equals(caller.organisationId())) {
            throw ProblemException.invalid("institutionId", "outsideScope");
        }
        OrganisationKind kind = organisations.get(caller, institution).kind();
        List<FieldProblem> problems = new ArrayList<>();
        if (request.dataScope() != null) {
            checkScope(caller, kind, request, problems);
        }
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        return createUnchecked(new CreateUser(institution, request.branchId(), request.username(),
                request.displayName(), request.dataScope(), request.initialPassword()), true);
    }

    /**
     * A new user's scope never exceeds its creator's and fits its organisation (an institution's
     * users never see beyond their institution); a creator limited to a branch subtree or its own
     * records creates users only inside its branch subtree.
     */
    private void checkScope(CurrentUser caller, OrganisationKind kind, CreateUser request, List<FieldProblem> problems) {
        ScopeLevel scope = request.dataScope();
        if (!ScopeRank.allowedFor(kind).contains(scope)) {
            problems.add(FieldProblem.of("dataScope", "notAllowedForOrganisation"));
        } else if (ScopeRank.of(scope) > ScopeRank.of(caller.scope().level())) {
            problems.add(FieldProblem.of("dataScope", "exceedsOwnScope"));
        }
        if (scope == ScopeLevel.BRANCH && request.branchId() == null) {
            problems.add(FieldProblem.of("branchId", "requiredForBranchScope"));
        }
        ScopeLevel own = caller.scope().level();
        if (own == ScopeLevel.BRANCH || own == ScopeLevel.OWN) {
            String callerPath = caller.scope().branchPath();
            boolean inside = request.branchId() != null && callerPath != null && repository.branchPath(request.branchId())
                    .filter(path -> path.startsWith(callerPath)).isPresent();
            if (!inside) {
                problems.add(FieldProblem.of("branchId", "outsideScope"));
            }
        }
    }

    /** Creation without a caller: bootstrap and demo data only. */
    @Transactional
    public UserView createUnchecked(CreateUser request, boolean mustChangePassword) {
        List<FieldProblem> problems = new ArrayList<>();
        String username = request.username() == null ? null : request.username().trim();
        if (username == null || !username.matches("[A-Za-z0-9._-]{3,40}")) {
            problems.add(username == null || username.isEmpty() ? FieldProblem.of("username", "required")
                    : FieldProblem.of("username", "usernameFormat", 3, 40));
        } else if (repository.usernameTaken(username)) {
            problems.add(FieldProblem.of("username", "duplicate"));
        }
        Organisations.requireText(problems, "displayName", request.displayName(), 60);
        if (request.dataScope() == null) {
            problems.add(FieldProblem.of("dataScope", "required"));
        }
        policy.violations(request.initialPassword(), username).forEach(rule ->
                problems.add(new FieldProblem("initialPassword", rule, "problem.password." + rule, List.of(policy.minLength()))));
        if (request.branchId() != null && !repository.branchBelongsTo(request.branchId(), request.institutionId())) {
            problems.add(FieldProblem.of("branchId", "unknown"));
        }
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        UUID id;
        try {
            id = repository.insertUser(new NewUser(request.institutionId(), request.branchId(), username,
                    request.displayName().trim(), request.dataScope(), mustChangePassword),
                    passwords.encode(request.initialPassword()), clock.instant());
        } catch (org.springframework.dao.DuplicateKeyException raced) {
            throw ProblemException.invalid("username", "duplicate"); // taken by a concurrent request
        }
        UserView view = view(repository.user(id).orElseThrow());
        audit.record(AuditRecord.created("iam.user.created", "user", id, request.institutionId(), view));
        return view;
    }

    /** The user changes their own password; the old one must be right and the new one meet the policy. */
    @Transactional
    public void changeOwnPassword(UUID userId, String oldPassword, String newPassword) {
        UserRow user = repository.user(userId).orElseThrow(() -> ProblemException.notFound("user"));
        List<FieldProblem> problems = new ArrayList<>();
        if (oldPassword == null || oldPassword.length() > Authenticator.MAX_PASSWORD_LENGTH
                || !passwords.matches(oldPassword, user.passwordHash())) {
            problems.add(FieldProblem.of("oldPassword", "wrong"));
        }
        policy.violations(newPassword, user.username()).forEach(rule ->
                problems.add(new FieldProblem("newPassword", rule, "problem.password." + rule, List.of(policy.minLength()))));
        if (newPassword != null && oldPassword != null && newPassword.equals(oldPassword)) {
            problems.add(FieldProblem.of("newPassword", "unchanged"));
        }
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        repository.updatePassword(userId, passwords.encode(newPassword), false, clock.instant());
        int tokens = endAccess(userId);
        audit.record(AuditRecord.changed("iam.user.password-changed", "user", userId, user.institutionId(),
                null, Map.of("by", "self", "tokensRevoked", tokens)));
    }

    /** An administrator sets a temporary password (changed at next login) and clears any lock. */
    @Transactional
    public String resetPassword(CurrentUser caller, UUID userId) {
        Organisations.requirePermission(caller, Permission.USER_MANAGE);
        UserRow target = manageable(caller, userId);
        String temporary = temporaryPassword();
        repository.updatePassword(userId, passwords.encode(temporary), true, clock.instant());
        int tokens = endAccess(userId);
        audit.record(AuditRecord.changed("iam.user.password-reset", "user", userId, target.institutionId(),
                null, Map.of("by", caller.username(), "tokensRevoked", tokens)));
        return temporary;
    }

    @Transactional
    public UserView setEnabled(CurrentUser caller, UUID userId, boolean enabled) {
        Organisations.requirePermission(caller, Permission.USER_MANAGE);
        UserRow target = manageable(caller, userId);
        if (!enabled) {
            if (userId.equals(caller.userId())) {
                throw ProblemException.conflict("cannot-disable-self");
            }
            requireAnotherAdmin(target, userId);
        }
        UserView before = get(caller, userId);
        repository.setEnabled(userId, enabled);
        if (enabled) {
            repository.recordSuccess(userId);
        } else {
            endAccess(userId);
        }
        UserView after = get(caller, userId);
        audit.record(AuditRecord.changed("iam.user.enabled-changed", "user", userId, before.institutionId(), before, after));
        return after;
    }

    /**
     * Refuses to take the last enabled administrator (a user who may manage users) from an
     * organisation: somebody must be left who can let people in. {@code leaving} is disabled or
     * about to lose the permission.
     */
    void requireAnotherAdmin(UserRow target, UUID leaving) {
        if (!repository.permissionsOf(leaving).contains(Permission.USER_MANAGE.code())) {
            return;
        }
        if (repository.otherEnabledHoldersOf(target.institutionId(), leaving, Permission.USER_MANAGE.code()) == 0) {
            throw ProblemException.conflict("last-active-admin");
        }
    }

    /**
     * Ends the user's sessions (at their next request, on every instance: the check reads the
     * stored security version) and revokes its API tokens; returns how many tokens were revoked.
     */
    int endAccess(UUID userId) {
        repository.endSessionsOf(userId);
        return repository.revokeTokensOf(userId, clock.instant());
    }

    /** A random password that meets the policy (upper, lower, digits, symbol). */
    static String temporaryPassword() {
        String upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
        String lower = "abcdefghijkmnopqrstuvwxyz";
        String digits = "23456789";
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            out.append(upper.charAt(RANDOM.nextInt(upper.length())));
            out.append(lower.charAt(RANDOM.nextInt(lower.length())));
            out.append(digits.charAt(RANDOM.nextInt(digits.length())));
        }
        return out.append('#').toString();
    }

    private UserView view(UserRow u) {
        return view(u, repository.roleCodesOf(u.id()));
    }

    private UserView view(UserRow u, List<String> roles) {
        boolean locked = u.lockedUntil() != null && u.lockedUntil().isAfter(clock.instant());
        return new UserView(u.id(), u.institutionId(), u.branchId(), u.username(), u.displayName(), u.dataScope(),
                u.enabled(), locked, u.mustChangePassword(), roles);
    }
}
