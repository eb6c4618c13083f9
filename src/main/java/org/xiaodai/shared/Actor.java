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
}
