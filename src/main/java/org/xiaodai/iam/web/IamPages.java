package org.xiaodai.iam.web;

import java.util.Arrays;

import jakarta.servlet.http.HttpServletRequest;

import org.xiaodai.iam.CurrentUser;
import org.xiaodai.iam.CurrentUsers;
import org.xiaodai.iam.Permission;
import org.xiaodai.shared.problem.ProblemException;

/** Small helpers the identity pages share. */
final class IamPages {

    private IamPages() {
    }

    /** The caller, who must hold at least one of {@code permissions}; otherwise a 403 page. */
    static CurrentUser requireAny(Permission... permissions) {
        CurrentUser caller = CurrentUsers.require();
        if (Arrays.stream(permissions).noneMatch(caller::has)) {
            throw ProblemException.forbidden("forbidden");
        }
        return caller;
    }

    /** True for a request htmx sent, which wants a fragment rather than a whole page. */
    static boolean isHtmx(HttpServletRequest request) {
        return "true".equals(request.getHeader("HX-Request"));
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
