package org.xiaodai.servicing.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.xiaodai.calc.Amortization;
import org.xiaodai.calc.DaysInMonth;
import org.xiaodai.calc.DaysInYear;
import org.xiaodai.calc.EmiAdjustment;
import org.xiaodai.calc.GradeTable;
import org.xiaodai.calc.InstallmentBasis;
import org.xiaodai.calc.InterestAccrual;
import org.xiaodai.calc.InterestMethod;
import org.xiaodai.calc.LoanTerms;
import org.xiaodai.calc.RepaymentFrequency;
import org.xiaodai.calc.RoundingRule;
import org.xiaodai.calc.ServicingPolicy;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Terms and policy stored as JSON under the conformance field names, as the calculator API takes them. */
final class TermsJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private TermsJson() {
    }

    static String terms(LoanTerms t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("principal", t.principal().toPlainString());
        m.put("annualInterestRatePercent", t.annualInterestRatePercent().toPlainString());
        m.put("currencyDigits", t.currencyDigits());
        m.put("roundingMode", t.roundingMode().name());
        m.put("amortization", t.amortization().name());
        m.put("interestMethod", t.interestMethod().name());
        m.put("interestAccrual", t.interestAccrual().name());
        m.put("installmentBasis", t.installmentBasis().name());
        m.put("numberOfRepayments", t.numberOfRepayments());
        m.put("repaymentEvery", t.repaymentEvery());
        m.put("repaymentFrequency", t.repaymentFrequency().name());
        m.put("daysInYear", t.daysInYear().code());
        m.put("daysInMonth", t.daysInMonth().code());
        m.put("disbursementDate", t.disbursementDate().toString());
        m.put("firstRepaymentDate", t.firstRepaymentDate().toString());
        m.put("installmentAmountInMultiplesOf", t.installmentAmountInMultiplesOf().toPlainString());
        m.put("graceOnPrincipalPeriods", t.graceOnPrincipalPeriods());
        m.put("graceOnInterestPaymentPeriods", t.graceOnInterestPaymentPeriods());
        m.put("emiAdjustment", t.emiAdjustment().name());
        return JSON.writeValueAsString(m);
    }

    static LoanTerms terms(String json) {
        JsonNode n = JSON.readTree(json);
        return new LoanTerms(new BigDecimal(n.get("principal").asString()),
                new BigDecimal(n.get("annualInterestRatePercent").asString()),
                n.get("currencyDigits").asInt(),
                RoundingRule.valueOf(n.get("roundingMode").asString()),
                Amortization.valueOf(n.get("amortization").asString()),
                InterestMethod.valueOf(n.get("interestMethod").asString()),
                InterestAccrual.valueOf(n.get("interestAccrual").asString()),
                InstallmentBasis.valueOf(n.get("installmentBasis").asString()),
                n.get("numberOfRepayments").asInt(),
                n.get("repaymentEvery").asInt(),
                RepaymentFrequency.valueOf(n.get("repaymentFrequency").asString()),
                DaysInYear.fromCode(n.get("daysInYear").asString()),
                DaysInMonth.fromCode(n.get("daysInMonth").asString()),
                LocalDate.parse(n.get("disbursementDate").asString()),
                LocalDate.parse(n.get("firstRepaymentDate").asString()),
                new BigDecimal(n.get("installmentAmountInMultiplesOf").asString()),
                n.get("graceOnPrincipalPeriods").asInt(),
                n.get("graceOnInterestPaymentPeriods").asInt(),
                EmiAdjustment.valueOf(n.get("emiAdjustment").asString()));
    }

    static String policy(ServicingPolicy p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("penaltyRateMultiplier", p.penaltyRateMultiplier().toPlainString());
        m.put("penaltyDaysInYear", p.penaltyDaysInYear());
        m.put("graceDays", p.graceDays());
        m.put("compoundOverdueInterest", p.compoundOverdueInterest());
        m.put("classification", p.classification().name());
        return JSON.writeValueAsString(m);
    }

    static ServicingPolicy policy(String json) {
        JsonNode n = JSON.readTree(json);
        return new ServicingPolicy(new BigDecimal(n.get("penaltyRateMultiplier").asString()),
                n.get("penaltyDaysInYear").asInt(), n.get("graceDays").asInt(),
                n.get("compoundOverdueInterest").asBoolean(), GradeTable.valueOf(n.get("classification").asString()));
    }
}
