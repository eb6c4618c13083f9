package org.xiaodai.scoring;

/** What a scorecard scores: an application (A-card, 申请评分) or an active loan's behaviour (B-card, 行为评分). */
public enum Purpose {
    APPLICATION, BEHAVIOUR
}
