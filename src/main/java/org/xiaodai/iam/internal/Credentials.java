package org.xiaodai.iam.internal;

import org.springframework.stereotype.Service;
import org.xiaodai.iam.CurrentUser;

/** Checks a username and password outside form login (token requests), with the same lockout rules. */
@Service
public class Credentials {

    private final Authenticator authenticator;

    Credentials(Authenticator authenticator) {
        this.authenticator = authenticator;
    }

    /** The user, or a Spring Security {@code AuthenticationException} saying why not. */
    public CurrentUser check(String username, String password) {
        return authenticator.check(username, password);
    }
}
