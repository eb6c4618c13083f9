package org.xiaodai.servicing.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.UUID;

import org.xiaodai.calc.FiveLevelGrade;
import org.xiaodai.calc.LoanTerms;
import org.xiaodai.calc.ServicingPolicy;
import org.xiaodai.servicing.LoanState;
import org.xiaodai.servicing.Loans;

/** A stored loan row. */
record LoanRow(UUID id, UUID institutionId, UUID branchId, String branchPath, UUID officerId, UUID customerId,
               String contractNumber, UUID productId, int productVersion, String currency, BigDecimal principal,
               LoanTerms terms, ServicingPolicy policy, boolean autoDebit, LoanState status,
               LocalDate disbursementDate, LocalDate maturityDate, int scheduleVersion,
               BigDecimal principalOutstanding, BigDecimal interestPaid, BigDecimal penaltyCharged,
               BigDecimal penaltyPaid, BigDecimal creditBalance, LocalDate oldestUnpaidDue, LocalDate nextDueDate,
               FiveLevelGrade grade, FiveLevelGrade manualGrade, boolean restructured, LocalDate watchUntil,
               LocalDate writtenOffOn, BigDecimal writtenOffPrincipal, BigDecimal recovered, LocalDate positionDate) {

    static final String COLUMNS = """
            id, institution_id, branch_id, branch_path, officer_id, customer_id, contract_number, product_id,
            product_version, currency, principal, terms::text as terms, policy::text as policy, auto_debit, status,
            disbursement_date, maturity_date, schedule_version, principal_outstanding, interest_paid,
            penalty_charged, penalty_paid, credit_balance, oldest_unpaid_due, next_due_date, grade, manual_grade,
            restructured, watch_until, written_off_on, written_off_principal, recovered, position_date""";

    static LoanRow map(ResultSet rs, int row) throws SQLException {
        String manual = rs.getString("manual_grade");
        return new LoanRow(rs.getObject("id", UUID.class), rs.getObject("institution_id", UUID.class),
                rs.getObject("branch_id", UUID.class), rs.getString("branch_path"), rs.getObject("officer_id", UUID.class),
                rs.getObject("customer_id", UUID.class), rs.getString("contract_number"),
                rs.getObject("product_id", UUID.class), rs.getInt("product_version"), rs.getString("currency"),
                rs.getBigDecimal("principal"), TermsJson.terms(rs.getString("terms")),
                TermsJson.policy(rs.getString("policy")), rs.getBoolean("auto_debit"),
                LoanState.valueOf(rs.getString("status")), rs.getObject("disbursement_date", LocalDate.class),
                rs.getObject("maturity_date", LocalDate.class), rs.getInt("schedule_version"),
                rs.getBigDecimal("principal_outstanding"), rs.getBigDecimal("interest_paid"),
                rs.getBigDecimal("penalty_charged"), rs.getBigDecimal("penalty_paid"), rs.getBigDecimal("credit_balance"),
                rs.getObject("oldest_unpaid_due", LocalDate.class), rs.getObject("next_due_date", LocalDate.class),
                FiveLevelGrade.valueOf(rs.getString("grade")), manual == null ? null : FiveLevelGrade.valueOf(manual),
                rs.getBoolean("restructured"), rs.getObject("watch_until", LocalDate.class),
                rs.getObject("written_off_on", LocalDate.class), rs.getBigDecimal("written_off_principal"),
                rs.getBigDecimal("recovered"), rs.getObject("position_date", LocalDate.class));
    }

    int digits() {
        return terms.currencyDigits();
    }

    Loans.LoanSummary summary() {
        return new Loans.LoanSummary(id, institutionId, customerId, productId, productVersion, officerId, branchId,
                contractNumber, status, grade.name(), currency, principal, principalOutstanding, creditBalance,
                disbursementDate, maturityDate, oldestUnpaidDue, autoDebit, restructured);
    }
}
