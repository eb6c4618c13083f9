package org.xiaodai.iam.internal;

import java.util.List;
import java.util.Set;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;
import org.xiaodai.iam.CurrentUser;
import org.xiaodai.iam.DataScope;

/** Builds the {@link CurrentUser} principal (permissions, scope) for a stored user. */
@Component
class Principals {

    private final IamRepository repository;
    private final AccessCatalogue catalogue;

    Principals(IamRepository repository, AccessCatalogue catalogue) {
        this.repository = repository;
        this.catalogue = catalogue;
    }

    /** A signed-in user's principal: one query for organisation kind, branch path and permissions. */
    CurrentUser of(UserRow user) {
        return of(user, repository.accessFacts(user));
    }

    /** The principal of a user whose access facts were read with it (bearer tokens: one query). */
    CurrentUser of(UserRow user, IamRepository.AccessFacts facts) {
        DataScope scope = new DataScope(user.dataScope(), user.institutionId(), facts.branchPath(), user.id());
        // a permission the user's kind of organisation may not hold never takes effect, even if an
        // old role still carries it
        java.util.Set<String> permissions = facts.permissions().stream()
                .filter(p -> catalogue.mayHold(facts.organisationKind(), p))
                .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
        return new CurrentUser(user.id(), user.username(), user.displayName(), user.institutionId(),
                facts.organisationKind(), scope, java.util.Collections.unmodifiableSet(permissions),
                user.mustChangePassword(), user.securityVersion());
    }

    /** Authorities are the permission codes; endpoints declare which one they need. */
    static Authentication authentication(CurrentUser user) {
        List<SimpleGrantedAuthority> authorities = user.permissions().stream().map(SimpleGrantedAuthority::new).toList();
        return UsernamePasswordAuthenticationToken.authenticated(user, null, authorities);
    }
}
