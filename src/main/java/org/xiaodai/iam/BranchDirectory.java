package org.xiaodai.iam;

import java.util.List;

/**
 * The branch codes of the caller's institution, for modules that refer to branches by code (a
 * product offered at some branches only). Reads go through the tenant wall, so only the current
 * institution's branches are ever seen.
 */
public interface BranchDirectory {

    /** The codes of the current institution's branches, sorted. */
    List<String> branchCodes();
}
