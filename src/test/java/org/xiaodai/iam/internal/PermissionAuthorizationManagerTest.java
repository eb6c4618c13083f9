package org.xiaodai.iam.internal;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which {@code @PreAuthorize} expressions are decided without the expression language, and how. */
class PermissionAuthorizationManagerTest {

    private static PermissionAuthorizationManager.Rule rule(String expression) {
        return PermissionAuthorizationManager.Rule.of(expression);
    }

    @Test
    void aSinglePermissionIsTheWholeRule() {
        assertThat(rule("hasAuthority('iam:user:view')"))
                .isEqualTo(new PermissionAuthorizationManager.Rule(List.of("iam:user:view"), true));
        assertThat(rule("  hasAuthority( 'loan:approve:l2' ) "))
                .isEqualTo(new PermissionAuthorizationManager.Rule(List.of("loan:approve:l2"), true));
    }

    @Test
    void anyOfSeveralPermissionsIsTheWholeRule() {
        assertThat(rule("hasAnyAuthority('loan:approve:l1','loan:approve:l2', 'loan:approve:committee')"))
                .isEqualTo(new PermissionAuthorizationManager.Rule(
                        List.of("loan:approve:l1", "loan:approve:l2", "loan:approve:committee"), true));
    }

    @Test
    void aPermissionOrAnythingElseIsGrantedByThePermissionAndOtherwiseLeftToTheExpression() {
        assertThat(rule("hasAuthority('iam:user:view') or #id == principal.userId()"))
                .isEqualTo(new PermissionAuthorizationManager.Rule(List.of("iam:user:view"), false));
    }

    @Test
    void everythingElseIsLeftToTheExpressionLanguage() {
        for (String expression : List.of("permitAll()", "isAuthenticated()",
                "hasAuthority('a:b') and #id == principal.userId()",
                "hasAuthority('a:b') || isAnonymous()",
                "hasAuthority('a:b', 'c:d')",
                "!hasAuthority('a:b')",
                "hasAuthority('a:b')or true",
                "hasRole('ADMIN')",
                "hasAuthority('it''s')")) {
            assertThat(rule(expression)).as(expression).isEqualTo(PermissionAuthorizationManager.Rule.EXPRESSION);
        }
        assertThat(rule(null)).isEqualTo(PermissionAuthorizationManager.Rule.EXPRESSION);
    }
}
