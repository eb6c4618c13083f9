package org.xiaodai.iam.internal;

import java.util.UUID;

import org.xiaodai.iam.OrganisationKind;

/** A platform operator, regulator or lending institution as stored. */
record OrganisationRow(UUID id, OrganisationKind kind, String code, String name, String uscc, String regionCode,
                       String status) {
}
