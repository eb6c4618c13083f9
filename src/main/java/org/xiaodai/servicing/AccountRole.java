package org.xiaodai.servicing;

/**
 * What a ledger line is for; each institution's chart of accounts maps every role to one account
 * (defaults of DOMAIN.md §10). Assets and expenses grow on the debit side, the others on the credit side.
 */
public enum AccountRole {
    /** 银行存款 */
    BANK(true),
    /** 贷款 (principal outstanding) */
    LOAN_PRINCIPAL(true),
    /** 应收利息 */
    INTEREST_RECEIVABLE(true),
    /** 应收罚息 */
    PENALTY_RECEIVABLE(true),
    /** 溢缴款 (the borrowers' credit balances, a liability) */
    CREDIT_BALANCE(false),
    /** 利息收入 */
    INTEREST_INCOME(false),
    /** 罚息收入 */
    PENALTY_INCOME(false),
    /** 贷款损失准备 (a contra-asset: credit balance) */
    LOAN_LOSS_PROVISION(false),
    /** 资产减值损失 */
    IMPAIRMENT_LOSS(true),
    /** 已核销贷款收回 (recoveries after write-off) */
    RECOVERY_INCOME(false);

    private final boolean debitNormal;

    AccountRole(boolean debitNormal) {
        this.debitNormal = debitNormal;
    }

    /** @return true when the account's balance is debit minus credit */
    public boolean debitNormal() {
        return debitNormal;
    }
}
