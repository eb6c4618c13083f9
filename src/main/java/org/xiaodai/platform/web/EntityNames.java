package org.xiaodai.platform.web;

import java.util.Collection;
import java.util.Map;

/**
 * Implemented by a module (as a Spring bean) to name its records on screens that only hold their
 * ids, such as the audit trail: {@code user 3f2c…} becomes {@code a-officer}. Names are read
 * inside the caller's tenant wall, so a record the caller may not see stays unnamed (the screen
 * then shows the id). Each module answers only for the kinds it owns.
 */
public interface EntityNames {

    /** The organisation kind, for {@link #names}: the organisation's short code, e.g. {@code HZXD}. */
    String ORGANISATION_CODE = "organisation.code";

    /**
     * Display names of the records of {@code kind} (e.g. {@code user}, {@code branch}) among
     * {@code ids}, in the current request's language; ids this module does not know are left out.
     */
    Map<String, String> names(String kind, Collection<String> ids);

    /** Records of {@code kind} a filter may offer to choose from (id to name), empty when none. */
    default Map<String, String> choices(String kind) {
        return Map.of();
    }
}
