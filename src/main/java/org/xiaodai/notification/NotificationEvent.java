package org.xiaodai.notification;

import java.util.List;

/**
 * What a notice is about. Each event has a template per channel and language in the
 * {@code notification} message bundle ({@code notification.template.<EVENT>.sms|subject|body}) and
 * the values its template needs; {@link #ONE_TIME_CODE} alone ignores quiet hours.
 */
public enum NotificationEvent {

    /** 验证码: {@code code}, {@code minutes}. SMS only, never held back by quiet hours. */
    ONE_TIME_CODE(List.of("code", "minutes")),
    /** 申请已受理: {@code reference} (application number). */
    APPLICATION_RECEIVED(List.of("reference")),
    /** 审批结果: {@code reference}, {@code decision} (APPROVED / DECLINED, worded by the template). */
    APPLICATION_DECIDED(List.of("reference", "decision")),
    /** 合同待签: {@code reference} (contract number). */
    CONTRACT_READY(List.of("reference")),
    /** 已放款: {@code reference}, {@code amount}. */
    DISBURSED(List.of("reference", "amount")),
    /** 还款提醒: {@code reference}, {@code amount}, {@code dueDate}, {@code days}. */
    REPAYMENT_DUE(List.of("reference", "amount", "dueDate", "days")),
    /** 还款到账: {@code reference}, {@code amount}. */
    REPAYMENT_RECEIVED(List.of("reference", "amount")),
    /** 逾期: {@code reference}, {@code amount}, {@code days}. */
    OVERDUE(List.of("reference", "amount", "days")),
    /**
     * 风险分类变化: {@code reference}, {@code grade} (五级分类 code). Borrowers are told before
     * negative information reaches the credit bureau (征信业管理条例 §15).
     */
    GRADE_CHANGED(List.of("reference", "grade")),
    /** 投诉进展: {@code reference} (complaint number), {@code status}. */
    COMPLAINT_UPDATED(List.of("reference", "status"));

    private final List<String> requiredValues;

    NotificationEvent(List<String> requiredValues) {
        this.requiredValues = requiredValues;
    }

    /** The values its templates read; a notice missing one is refused. */
    public List<String> requiredValues() {
        return requiredValues;
    }

    /** The channels a notice of this event goes out on (a channel the recipient lacks is skipped). */
    public List<Channel> channels() {
        return this == ONE_TIME_CODE ? List.of(Channel.SMS) : List.of(Channel.SMS, Channel.EMAIL, Channel.IN_APP);
    }

    public boolean bypassesQuietHours() {
        return this == ONE_TIME_CODE;
    }
}
