package org.xiaodai.iam.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xiaodai.iam.CurrentUser;
import org.xiaodai.iam.Permission;
import org.xiaodai.shared.problem.FieldProblem;
import org.xiaodai.shared.problem.ProblemException;

/**
 * Creating a user together with the roles they should get: the user is created at once, and each
 * role is filed as a grant for a second user's approval (maker-checker), exactly as if it were
 * requested afterwards. One transaction: a role that may not be granted leaves no user behind.
 */
@Service
public class UserOnboarding {

    private final Users users;
    private final Roles roles;

    UserOnboarding(Users users, Roles roles) {
        this.users = users;
        this.roles = roles;
    }

    /** The new user and the change requests filed for its roles. */
    public record Onboarded(Users.UserView user, List<UUID> grantRequests) {
    }

    @Transactional
    public Onboarded create(CurrentUser caller, Users.CreateUser request, List<UUID> roleIds) {
        List<UUID> wanted = roleIds == null ? List.of() : roleIds.stream().distinct().toList();
        if (!wanted.isEmpty() && !caller.has(Permission.ROLE_GRANT)) {
            throw ProblemException.invalid("roleIds", "exceedsGrantorPermissions");
        }
        Users.UserView user = users.create(caller, request);
        List<UUID> filed = new ArrayList<>();
        for (UUID roleId : wanted) {
            try {
                filed.add(roles.requestGrant(caller, user.id(), roleId));
            } catch (ProblemException e) {
                throw asRoleProblem(e);
            }
        }
        return new Onboarded(user, filed);
    }

    /** A refused grant as a problem of the form's role field. */
    private static ProblemException asRoleProblem(ProblemException e) {
        if (e.fieldProblems().isEmpty()) {
            return ProblemException.invalid("roleIds", "unknown");
        }
        return ProblemException.invalid(e.fieldProblems().stream()
                .map(p -> new FieldProblem("roleIds", p.rule(), p.messageKey(), p.args())).toList());
    }
}
