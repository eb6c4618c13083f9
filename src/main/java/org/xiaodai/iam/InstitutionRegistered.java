package org.xiaodai.iam;

import java.util.UUID;

/** Published when an organisation is created; {@code eod} opens its business date on it. */
public record InstitutionRegistered(UUID institutionId, String code, OrganisationKind kind) {
}
