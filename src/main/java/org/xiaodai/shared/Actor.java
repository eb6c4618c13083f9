package org.xiaodai.shared;

import java.util.UUID;

/**
 * Who is acting: implemented by the authenticated principal so that modules which must not
 * depend on identity and access (audit, for one) can still name the actor.
 */
public interface Actor {

    UUID actorId();

    String actorName();

    /** The organisation (platform, regulator or institution) the actor belongs to. */
    UUID actorOrganisationId();

    /** True for the platform operator and the regulator, whose reads span every institution. */
    boolean seesAllInstitutions();

    /** The current request's actor, or empty for anonymous and system work. */
    static java.util.Optional<Actor> current() {
        var authentication = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof Actor actor
                ? java.util.Optional.of(actor) : java.util.Optional.empty();
    }
}
