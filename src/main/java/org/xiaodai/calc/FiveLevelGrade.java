package org.xiaodai.calc;

/** 五级分类: the five-level loan grade of DOMAIN.md §4, from best to worst. */
public enum FiveLevelGrade {
    /** 正常 */
    NORMAL,
    /** 关注 */
    SPECIAL_MENTION,
    /** 次级 */
    SUBSTANDARD,
    /** 可疑 */
    DOUBTFUL,
    /** 损失 */
    LOSS
}
