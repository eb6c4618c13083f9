package org.xiaodai.contract.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.xiaodai.calc.Installment;
import org.xiaodai.calc.Schedule;
import org.xiaodai.product.FeeCharge;
import org.xiaodai.product.ProductDefinition;
import org.xiaodai.product.ProductFee;

/**
 * The Chinese loan-contract template (借款合同), version {@link #VERSION}. It renders to a small
 * line-oriented text whose exact form is stored with the contract: {@code # } title, {@code ## }
 * clause heading, {@code !! } the annualised-rate disclosure (printed largest), {@code | } table rows
 * (the first is the header), anything else a paragraph. The PDF and the page draw that text; they add
 * nothing, so what the borrower accepted is what is stored.
 */
final class ContractText {

    static final String VERSION = "XD-LOAN-2026.1";

    private ContractText() {
    }

    /** Everything a contract states. */
    record Facts(String contractNumber, String lender, String borrower, String borrowerId, BigDecimal principal,
                 String purpose, ProductDefinition product, int numberOfRepayments, BigDecimal annualRatePercent,
                 BigDecimal annualPercentageRate, BigDecimal upfrontFees, Schedule schedule, LocalDate expectedDisbursement,
                 List<String> collateral, List<String> guarantors, String conditions) {
    }

    static String render(Facts f) {
        List<String> l = new ArrayList<>();
        l.add("# 借款合同");
        l.add("合同编号：" + f.contractNumber() + "　　文本版本：" + VERSION);
        l.add("## 第一条　合同当事人");
        l.add("贷款人（甲方）：" + f.lender());
        l.add("借款人（乙方）：" + f.borrower() + "（证件号码：" + f.borrowerId() + "）");
        l.add("## 第二条　借款金额与用途");
        l.add("借款金额：人民币 " + money(f.principal()) + " 元。借款本金全额发放，不预先扣除任何利息、费用或保证金。");
        l.add("借款用途：" + purpose(f.purpose()) + "。借款不得用于证券、期货、金融衍生产品投资，不得用于股本权益性投资，"
                + "不得用于偿还其他贷款。");
        l.add("## 第三条　借款期限与还款方式");
        l.add("产品：" + f.product().name() + "（" + f.product().code() + "）；期数：" + f.numberOfRepayments() + " 期；还款方式："
                + method(f.product().scheduleConventions().amortization().name()) + "。");
        l.add("预计放款日：" + f.expectedDisbursement() + "（以实际放款日为准，还款计划按实际放款日顺延）。");
        l.add("## 第四条　利率与年化利率");
        l.add("!! 年化利率（APR）：" + f.annualPercentageRate().toPlainString() + "%");
        l.add("上述年化利率已包含借款人需支付的全部利息及与借款直接相关的费用，按借款人实际占用的本金计算"
                + "（中国人民银行公告〔2021〕第3号）。合同执行利率为年利率 " + f.annualRatePercent().stripTrailingZeros().toPlainString()
                + "%。");
        l.add("## 第五条　费用");
        if (f.product().fees().isEmpty()) {
            l.add("本借款不收取任何费用。");
        } else {
            for (ProductFee fee : f.product().fees()) {
                l.add(fee.name() + "：" + (fee.kind().name().equals("FLAT") ? "人民币 " + money(fee.value()) + " 元"
                        : "借款本金的 " + fee.value().stripTrailingZeros().toPlainString() + "%")
                        + (fee.charge() == FeeCharge.AT_DISBURSEMENT ? "，放款时另行收取" : "，随每期还款收取") + "。");
            }
            l.add("放款时另行收取的费用合计：人民币 " + money(f.upfrontFees()) + " 元。所有费用均单独收取，不从借款本金中扣除。");
        }
        l.add("## 第六条　逾期、罚息与复利");
        var p = f.product().servicingPolicy();
        l.add("借款人未按期足额还款的，就逾期本金按合同执行利率的 " + p.penaltyRateMultiplier().stripTrailingZeros().toPlainString()
                + " 倍计收罚息，按日计算（日罚息率 = 合同执行利率 × " + p.penaltyRateMultiplier().stripTrailingZeros().toPlainString()
                + " ÷ " + p.penaltyDaysInYear() + "）；宽限期 " + p.graceDays() + " 天，宽限期内足额还款的免收该期罚息。"
                + (p.compoundOverdueInterest() ? "对逾期未付的利息按罚息利率计收复利。" : "对逾期未付的利息不计收复利。")
                + "利息、罚息及费用合计不超过法律和监管规定的上限。");
        l.add("## 第七条　担保");
        if (f.collateral().isEmpty() && f.guarantors().isEmpty()) {
            l.add("本借款为信用借款，无抵押、质押或保证担保。");
        }
        for (String c : f.collateral()) {
            String[] parts = c.split("\\|", -1);
            l.add("抵（质）押物：" + collateral(parts[0]) + (parts[1].isBlank() ? "" : "，" + parts[1]) + "，评估价值人民币 "
                    + money(new BigDecimal(parts[2])) + " 元（评估日 " + parts[3] + "）。");
        }
        for (String g : f.guarantors()) {
            l.add("保证人：" + g + "，承担连带责任保证。");
        }
        l.add("## 第八条　还款计划");
        l.add("|期次|到期日|应还本金|应还利息|应还合计|剩余本金");
        for (Installment i : f.schedule().installments()) {
            l.add("|" + i.n() + "|" + i.dueDate() + "|" + money(i.principal()) + "|" + money(i.interest()) + "|"
                    + money(i.total()) + "|" + money(i.balanceAfter()));
        }
        l.add("|合计||" + money(f.principal()) + "|" + money(f.schedule().totalInterest()) + "|"
                + money(f.schedule().totalRepayment()) + "|");
        if (f.conditions() != null && !f.conditions().isBlank()) {
            l.add("## 第九条　审批条件");
            l.add(f.conditions());
        }
        l.add("## 第十条　电子签署");
        l.add("借款人以电子方式确认接受本合同即视为签署本合同；系统记录接受时间、客户端地址及所接受的文本版本。");
        return String.join("\n", l) + "\n";
    }

    static String money(BigDecimal value) {
        return String.format("%,.2f", value);
    }

    private static String purpose(String purpose) {
        return switch (purpose) {
            case "CONSUMPTION" -> "个人消费";
            case "HOME_IMPROVEMENT" -> "住房装修";
            case "EDUCATION" -> "教育";
            case "MEDICAL" -> "医疗";
            case "VEHICLE" -> "购车";
            case "FURNITURE" -> "家具家电";
            case "BUSINESS_OPERATION" -> "生产经营周转";
            case "AGRICULTURE" -> "农业生产";
            default -> "其他合法用途";
        };
    }

    private static String method(String amortization) {
        return switch (amortization) {
            case "EQUAL_INSTALLMENTS" -> "等额本息";
            case "EQUAL_PRINCIPAL" -> "等额本金";
            case "INTEREST_ONLY_THEN_BULLET" -> "先息后本";
            default -> "到期一次还本付息";
        };
    }

    private static String collateral(String type) {
        return switch (type) {
            case "REAL_ESTATE" -> "房产";
            case "LAND_USE_RIGHT" -> "土地使用权";
            case "VEHICLE" -> "机动车";
            case "EQUIPMENT" -> "机器设备";
            case "DEPOSIT_CERTIFICATE" -> "存单";
            case "RECEIVABLES" -> "应收账款";
            default -> "其他财产";
        };
    }
}
