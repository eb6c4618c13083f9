package org.xiaodai.approval.domain;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo region's default route, rule by rule. */
class AuthorityMatrixTest {

    private static Route route(String amount, String grade, List<String> flags) {
        return AuthorityMatrix.standard().choose(new ApprovalRule.Candidate("XF-01", "/a/b/", new BigDecimal(amount), grade,
                flags)).orElseThrow().rule().route();
    }

    @Test
    void smallAmountsWithAGoodGradeAndNoFlagsAreApprovedAutomatically() {
        assertThat(route("50000", "A", List.of())).isEqualTo(Route.AUTO_APPROVE);
        assertThat(route("50000", "B", List.of())).isEqualTo(Route.AUTO_APPROVE);
        assertThat(route("50000.01", "A", List.of())).isEqualTo(Route.L1_L2);
        assertThat(route("30000", "C", List.of())).isEqualTo(Route.L1_L2);
        assertThat(route("30000", "A", List.of("MULTI_LENDING"))).isEqualTo(Route.L1_L2);
        assertThat(route("30000", null, List.of())).as("unscored").isEqualTo(Route.L1_L2);
    }

    @Test
    void blacklistGradeEAndLimitBreachesDeclineWhateverTheAmount() {
        assertThat(route("10000", "A", List.of("BLACKLIST"))).isEqualTo(Route.AUTO_DECLINE);
        assertThat(route("10000", "E", List.of())).isEqualTo(Route.AUTO_DECLINE);
        assertThat(route("10000", "A", List.of("RATE_CAP"))).isEqualTo(Route.AUTO_DECLINE);
        assertThat(route("900000", "B", List.of("EXPOSURE_BORROWER"))).isEqualTo(Route.AUTO_DECLINE);
    }

    @Test
    void aboveTwoHundredThousandGoesToTheCommittee() {
        assertThat(route("200000", "B", List.of())).isEqualTo(Route.L1_L2);
        assertThat(route("200000.01", "B", List.of())).isEqualTo(Route.COMMITTEE);
        assertThat(AuthorityMatrix.standard().rules().getLast().committeeVotes()).isEqualTo(2);
    }

    @Test
    void aBranchRuleCoversTheBranchSubtreeOnly() {
        java.util.UUID branch = java.util.UUID.randomUUID();
        ApprovalRule rule = new ApprovalRule(null, branch, null, null, List.of(), List.of(), false, Route.L1, null, null);
        assertThat(rule.matches(new ApprovalRule.Candidate("X", "/root/" + branch + "/child/", BigDecimal.ONE, "A", List.of())))
                .isTrue();
        assertThat(rule.matches(new ApprovalRule.Candidate("X", "/root/other/", BigDecimal.ONE, "A", List.of()))).isFalse();
    }
}
