package org.xiaodai.platform.web;

import java.util.List;
import java.util.UUID;

/**
 * The signed-in user as the web shell shows them: name and organisation in the header, roles and
 * permissions on the home page.
 *
 * @param username            login name
 * @param displayName         name shown on screens
 * @param organisationId      the platform, regulator or institution the user belongs to
 * @param organisationName    its name
 * @param seesAllInstitutions true for the platform operator and the regulator, whose reads span every institution
 * @param roles               role codes held
 * @param permissions         permission codes held, sorted
 */
public record ShellUser(String username, String displayName, UUID organisationId, String organisationName,
                        boolean seesAllInstitutions, List<String> roles, List<String> permissions) {

    public ShellUser {
        roles = List.copyOf(roles);
        permissions = List.copyOf(permissions);
    }
}
