package org.xiaodai.approval.domain;

import java.util.List;

/** What a matching rule of the authority matrix does with an application. */
public enum Route {
    /** Approved without a person (small amount, good grade, no flags). */
    AUTO_APPROVE(List.of()),
    /** Declined without a person (blacklist, grade E, a limit breached). */
    AUTO_DECLINE(List.of()),
    /** 初审 only. */
    L1(List.of(Level.L1)),
    /** 初审 then 终审. */
    L1_L2(List.of(Level.L1, Level.L2)),
    /** 初审 then the committee with N-of-M votes. */
    COMMITTEE(List.of(Level.L1, Level.COMMITTEE));

    private final List<Level> levels;

    Route(List<Level> levels) {
        this.levels = levels;
    }

    /** The levels a person decides, in order; empty for the automatic routes. */
    public List<Level> levels() {
        return levels;
    }

    public boolean automatic() {
        return levels.isEmpty();
    }
}
