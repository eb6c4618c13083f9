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

    static final String LENDING_WRITER = "ROLE_LENDING_WRITER";
    private final IamRepository repository;

    Principals(IamRepository repository) {
        this.repository = repository;
    }

    /** Runs on every API request (bearer tokens): one query for organisation kind, branch path and permissions. */
    CurrentUser of(UserRow user) {
        IamRepository.AccessFacts facts = repository.accessFacts(user);
        DataScope scope = new DataScope(user.dataScope(), user.institutionId(), facts.branchPath(), user.id());
        return new CurrentUser(user.id(), user.username(), user.displayName(), user.institutionId(),
                facts.organisationKind(), scope, facts.permissions(), user.mustChangePassword());
    }

    /** Authorities are the permission codes, plus a marker for organisations that may write lending data. */
    static Authentication authentication(CurrentUser user) {
        List<SimpleGrantedAuthority> authorities = new java.util.ArrayList<>(
                user.permissions().stream().map(SimpleGrantedAuthority::new).toList());
        if (!user.isRegulator()) {
            authorities.add(new SimpleGrantedAuthority(LENDING_WRITER));
        }
        return UsernamePasswordAuthenticationToken.authenticated(user, null, authorities);
    }
}
