package org.xiaodai.supervision.internal;

import org.xiaodai.iam.CurrentUser;

/** How a person is named on supervision records: the display name, else the username. */
final class Names {

    private Names() {
    }

    static String of(CurrentUser user) {
        return user.displayName() == null || user.displayName().isBlank() ? user.username() : user.displayName();
    }
}
