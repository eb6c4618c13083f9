package org.xiaodai.calculator.web;

import java.util.List;

import org.xiaodai.calc.InstallmentPosition;
import org.xiaodai.calc.LoanPosition;
import org.xiaodai.calc.RepaymentAllocation;

import static org.xiaodai.calculator.web.QuoteView.money;

/**
 * The "what if I pay late" results as the page shows them: amounts with two decimals and thousands
 * separators, status and grade as names for the message bundle.
 */
record ServicingView(String asOf, String status, long daysPastDue, String grade, String principalOutstanding,
                     String overduePrincipal, String overdueInterest, String penaltyOutstanding, String accruedInterest,
                     String credit, List<Paid> allocations, List<Line> installments) {

    /** Where one repayment went. */
    record Paid(String date, String amount, String penalty, String interest, String principal, String toCredit) {
    }

    /** One installment on the date. */
    record Line(int n, String dueDate, String principalDue, String interestDue, String paidPrincipal,
                String paidInterest, String penaltyCharged, String paidPenalty, boolean late) {
    }

    static ServicingView of(LoanPosition p) {
        return new ServicingView(p.asOf().toString(), p.status().name(), p.daysPastDue(), p.grade().name(),
                money(p.principalOutstanding()), money(p.overduePrincipal()), money(p.overdueInterest()),
                money(p.penaltyOutstanding()), money(p.accruedInterest()), money(p.credit()),
                p.allocations().stream().map(ServicingView::paid).toList(),
                p.installments().stream().map(i -> line(i, p)).toList());
    }

    private static Paid paid(RepaymentAllocation a) {
        return new Paid(a.date().toString(), money(a.total()), money(a.penalty()), money(a.interest()), money(a.principal()),
                money(a.toCredit()));
    }

    private static Line line(InstallmentPosition i, LoanPosition p) {
        boolean late = i.dueDate().isBefore(p.asOf())
                && (i.unpaidPrincipal().signum() > 0 || i.unpaidInterest().signum() > 0);
        return new Line(i.n(), i.dueDate().toString(), money(i.principalDue()), money(i.interestDue()),
                money(i.paidPrincipal()), money(i.paidInterest()), money(i.penaltyCharged()), money(i.paidPenalty()), late);
    }
}
