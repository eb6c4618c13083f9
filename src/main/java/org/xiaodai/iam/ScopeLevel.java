package org.xiaodai.iam;

/**
 * How far a user's reads reach (数据权限). {@code ALL} is the platform operator, {@code REGION} the
 * regulator (every institution of the region), the others stay inside one institution.
 */
public enum ScopeLevel {
    ALL, REGION, INSTITUTION, BRANCH, OWN
}
