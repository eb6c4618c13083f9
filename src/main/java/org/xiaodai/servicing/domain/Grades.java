package org.xiaodai.servicing.domain;

import java.time.LocalDate;

import org.xiaodai.calc.FiveLevelGrade;

/**
 * The grade a loan carries (五级分类): the worst of the days-past-due grade, a manual downgrade
 * (which can only make it worse, never better than the days-past-due minimum) and 关注 while a
 * restructured loan is watched.
 */
public final class Grades {

    private Grades() {
    }

    public static FiveLevelGrade effective(FiveLevelGrade byDaysPastDue, FiveLevelGrade manual, LocalDate watchUntil,
                                           LocalDate asOf) {
        FiveLevelGrade grade = byDaysPastDue;
        if (manual != null && manual.compareTo(grade) > 0) {
            grade = manual;
        }
        if (watchUntil != null && asOf.isBefore(watchUntil) && grade.compareTo(FiveLevelGrade.SPECIAL_MENTION) < 0) {
            grade = FiveLevelGrade.SPECIAL_MENTION;
        }
        return grade;
    }
}
