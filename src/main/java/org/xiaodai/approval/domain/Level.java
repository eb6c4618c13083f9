package org.xiaodai.approval.domain;

/** An approval level and the permission a reviewer needs to decide at it. */
public enum Level {
    /** 初审. */
    L1("loan:approve:l1"),
    /** 终审. */
    L2("loan:approve:l2"),
    /** 审批委员会. */
    COMMITTEE("loan:approve:committee");

    private final String permission;

    Level(String permission) {
        this.permission = permission;
    }

    public String permission() {
        return permission;
    }
}
