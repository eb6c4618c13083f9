package org.xiaodai.approval.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The authority matrix (审批权限矩阵) of an institution: ordered rules and the SLA of each level in
 * hours, and how a new task of 初审 and 终审 finds its reviewer ({@link Assignment}; committee tasks are
 * voted on by several members and always wait in the pool). Pure data and a pure choice; stored as
 * JSON, one version per save (a version saved before assignment existed reads as {@code CLAIM}).
 */
public record AuthorityMatrix(List<ApprovalRule> rules, int l1SlaHours, int l2SlaHours, int committeeSlaHours,
                              Assignment l1Assignment, Assignment l2Assignment) {

    /** Limit breaches: each of these flags declines automatically in the default matrix. */
    public static final List<String> LIMIT_FLAGS = List.of("EXPOSURE_BORROWER", "EXPOSURE_RELATED", "ONLINE_CAP", "RATE_CAP");

    public AuthorityMatrix {
        rules = List.copyOf(rules);
        l1Assignment = l1Assignment == null ? Assignment.CLAIM : l1Assignment;
        l2Assignment = l2Assignment == null ? Assignment.CLAIM : l2Assignment;
    }

    /** A matrix whose levels are all claimed by hand. */
    public AuthorityMatrix(List<ApprovalRule> rules, int l1SlaHours, int l2SlaHours, int committeeSlaHours) {
        this(rules, l1SlaHours, l2SlaHours, committeeSlaHours, Assignment.CLAIM, Assignment.CLAIM);
    }

    /** How a new task of {@code level} is assigned. */
    public Assignment assignment(Level level) {
        return switch (level) {
            case L1 -> l1Assignment;
            case L2 -> l2Assignment;
            case COMMITTEE -> Assignment.CLAIM;
        };
    }

    /**
     * The demo region's default: blacklist, grade E and limit breaches decline; ≤ 50,000 with grade
     * A or B and no flags is approved; otherwise ≤ 200,000 goes to 初审 then 终审, above to the
     * committee (2 of 3).
     */
    public static AuthorityMatrix standard() {
        List<ApprovalRule> rules = new ArrayList<>();
        rules.add(new ApprovalRule(null, null, null, null, List.of(), List.of("BLACKLIST", "GUARANTOR_BLACKLIST"), false,
                Route.AUTO_DECLINE, null, null));
        rules.add(new ApprovalRule(null, null, null, null, List.of("E"), List.of(), false, Route.AUTO_DECLINE, null, null));
        rules.add(new ApprovalRule(null, null, null, null, List.of(), LIMIT_FLAGS, false, Route.AUTO_DECLINE, null, null));
        rules.add(new ApprovalRule(null, null, null, new BigDecimal("50000"), List.of("A", "B"), List.of(), true,
                Route.AUTO_APPROVE, null, null));
        rules.add(new ApprovalRule(null, null, null, new BigDecimal("200000"), List.of(), List.of(), false, Route.L1_L2,
                null, null));
        rules.add(new ApprovalRule(null, null, null, null, List.of(), List.of(), false, Route.COMMITTEE, 2, 3));
        return new AuthorityMatrix(rules, 24, 24, 72);
    }

    /** The first matching rule with its index, or empty when none matches (then a person decides: L1_L2). */
    public Optional<Match> choose(ApprovalRule.Candidate candidate) {
        for (int i = 0; i < rules.size(); i++) {
            if (rules.get(i).matches(candidate)) {
                return Optional.of(new Match(i, rules.get(i)));
            }
        }
        return Optional.empty();
    }

    public int slaHours(Level level) {
        return switch (level) {
            case L1 -> l1SlaHours;
            case L2 -> l2SlaHours;
            case COMMITTEE -> committeeSlaHours;
        };
    }

    /** A chosen rule and its position (0-based). */
    public record Match(int index, ApprovalRule rule) {
    }
}
