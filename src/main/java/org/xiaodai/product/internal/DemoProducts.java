package org.xiaodai.product.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.scheduling.annotation.Async;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.stereotype.Component;
import org.xiaodai.calc.Amortization;
import org.xiaodai.calc.DaysInMonth;
import org.xiaodai.calc.DaysInYear;
import org.xiaodai.calc.EmiAdjustment;
import org.xiaodai.calc.InstallmentBasis;
import org.xiaodai.calc.InterestAccrual;
import org.xiaodai.calc.InterestMethod;
import org.xiaodai.calc.RepaymentFrequency;
import org.xiaodai.calc.RoundingRule;
import org.xiaodai.iam.InstitutionRegistered;
import org.xiaodai.iam.OrganisationKind;
import org.xiaodai.product.AllocationBucket;
import org.xiaodai.product.ClassificationTable;
import org.xiaodai.product.DocumentRequirement;
import org.xiaodai.product.DocumentType;
import org.xiaodai.product.FeeCharge;
import org.xiaodai.product.FeeKind;
import org.xiaodai.product.ProductDefinition;
import org.xiaodai.product.ProductFee;
import org.xiaodai.product.ProductType;
import org.xiaodai.product.ScheduleConventions;
import org.xiaodai.product.SecurityType;
import org.xiaodai.product.ServicingPolicy;
import org.xiaodai.shared.tenant.TenantWall;

/**
 * The demo catalogue: when a demo institution (HZXD, NBXD) is registered, it gets eight products
 * covering every product type and every security type, with every repayment method, a few fees
 * and branch restrictions; its consumer credit product has an earlier version from 2024 (priced
 * under that year's LPR) beside the current one. Embedded demo database only, like the demo region.
 */
@Component
@ConditionalOnExpression("${xiaodai.demo:true} and '${spring.datasource.url:}'.isEmpty()")
class DemoProducts {

    private static final Logger log = LoggerFactory.getLogger(DemoProducts.class);
    private static final Map<String, String> PREFIXES = Map.of("HZXD", "西湖", "NBXD", "甬江");
    static final LocalDate CURRENT = LocalDate.of(2025, 6, 1);

    private final ProductCatalogue catalogue;
    private final LprTable lpr;

    DemoProducts(ProductCatalogue catalogue, LprTable lpr) {
        this.catalogue = catalogue;
        this.lpr = lpr;
    }

    /**
     * After the registration committed, asynchronously; not in one long transaction (unlike
     * {@code @ApplicationModuleListener}): the history and the catalogue are each written in a short
     * one of their own. The event publication registry still retries it until it completes.
     */
    @Async
    @TransactionalEventListener
    void seed(InstitutionRegistered event) {
        String brand = PREFIXES.get(event.code());
        if (event.kind() != OrganisationKind.LENDER || brand == null) {
            return;
        }
        boolean ningbo = event.code().equals("NBXD");
        // the demo prices its products under the published LPRs, which the bootstrap may not have written yet
        TenantWall.regionWide(lpr::ensurePublishedHistory);
        // priced before the short writing transaction, so the demo holds no locks while calc works
        List<ProductCatalogue.Evaluation> priced = catalogue(brand, ningbo).stream().map(catalogue::priced).toList();
        boolean written = TenantWall.asInstitution(event.institutionId(),
                () -> catalogue.seedOnce(event.institutionId(), priced));
        if (written) {
            log.info("Demo products created for {}", event.code());
        }
    }

    /** The catalogue of one institution; NBXD prices slightly differently and offers some products at its east branch only. */
    static List<ProductDefinition> catalogue(String brand, boolean ningbo) {
        BigDecimal spread = ningbo ? new BigDecimal("0.30") : BigDecimal.ZERO;
        List<ProductDefinition> all = new ArrayList<>();
        Line consumer = new Line("XF-01", brand + "薪享贷", ProductType.PERSONAL_CONSUMPTION, SecurityType.CREDIT,
                "5000", "200000", 6, 36, "7.2", "13.5", Amortization.EQUAL_INSTALLMENTS);
        all.add(consumer.definition(LocalDate.of(2024, 3, 1), List.of(), List.of()));
        all.add(consumer.rates("7.2", "11.2").plus(spread).definition(CURRENT,
                List.of(fee("账户管理费", FeeKind.PERCENT, "0.02", FeeCharge.PER_INSTALLMENT)), List.of()));
        all.add(new Line("XF-02", brand + "安居消费贷", ProductType.PERSONAL_CONSUMPTION, SecurityType.MORTGAGE,
                "50000", "1000000", 12, 60, "5.4", "9.6", Amortization.EQUAL_PRINCIPAL).plus(spread)
                .definition(CURRENT, List.of(fee("抵押登记服务费", FeeKind.FLAT, "300", FeeCharge.AT_DISBURSEMENT)), List.of()));
        all.add(new Line("GS-01", brand + "商户经营贷", ProductType.INDIVIDUAL_BUSINESS, SecurityType.GUARANTEED,
                "20000", "500000", 6, 24, "8.4", "10.2", Amortization.INTEREST_ONLY_THEN_BULLET).plus(spread)
                .definition(CURRENT, List.of(fee("担保服务费", FeeKind.PERCENT, "0.2", FeeCharge.AT_DISBURSEMENT)),
                        ningbo ? List.of("E01") : List.of()));
        all.add(new Line("GS-02", brand + "商铺抵押经营贷", ProductType.INDIVIDUAL_BUSINESS, SecurityType.MORTGAGE,
                "100000", "3000000", 12, 36, "6.0", "9.5", Amortization.EQUAL_INSTALLMENTS).plus(spread)
                .definition(CURRENT, List.of(), List.of()));
        all.add(new Line("NH-01", brand + "惠农贷", ProductType.FARMER, SecurityType.CREDIT,
                "3000", "100000", 3, 12, "6.0", "10.5", Amortization.BULLET).plus(spread)
                .definition(CURRENT, List.of(), ningbo ? List.of("W01") : List.of("W01", "E01")));
        all.add(new Line("NH-02", brand + "农机质押贷", ProductType.FARMER, SecurityType.PLEDGE,
                "10000", "300000", 6, 24, "7.5", "11.0", Amortization.EQUAL_PRINCIPAL).plus(spread)
                .definition(CURRENT, List.of(), List.of()));
        all.add(new Line("XW-01", brand + "小微流水贷", ProductType.SMALL_ENTERPRISE, SecurityType.GUARANTEED,
                "50000", "1000000", 6, 24, "7.5", "10.2", Amortization.EQUAL_INSTALLMENTS).plus(spread)
                .definition(CURRENT, List.of(fee("贷后管理费", FeeKind.PERCENT, "0.03", FeeCharge.PER_INSTALLMENT)), List.of()));
        all.add(new Line("XW-02", brand + "应收账款质押贷", ProductType.SMALL_ENTERPRISE, SecurityType.PLEDGE,
                "100000", "5000000", 3, 12, "6.5", "10.0", Amortization.INTEREST_ONLY_THEN_BULLET).plus(spread)
                .definition(CURRENT, List.of(), List.of()));
        return all;
    }

    private static ProductFee fee(String name, FeeKind kind, String value, FeeCharge charge) {
        return new ProductFee(name, kind, new BigDecimal(value), charge);
    }

    /** One demo product's essentials; the rest follows from its type and security. */
    private record Line(String code, String name, ProductType type, SecurityType security, String minPrincipal,
                        String maxPrincipal, int minTerm, int maxTerm, String minRate, String maxRate,
                        Amortization amortization) {

        Line rates(String min, String max) {
            return new Line(code, name, type, security, minPrincipal, maxPrincipal, minTerm, maxTerm, min, max, amortization);
        }

        Line plus(BigDecimal spread) {
            return rates(new BigDecimal(minRate).add(spread).toPlainString(), new BigDecimal(maxRate).add(spread).toPlainString());
        }

        ProductDefinition definition(LocalDate effectiveFrom, List<ProductFee> fees, List<String> branches) {
            boolean bullet = amortization == Amortization.BULLET;
            ScheduleConventions conventions = new ScheduleConventions(2, RoundingRule.HALF_UP, amortization,
                    InterestMethod.DECLINING_BALANCE, bullet ? InterestAccrual.DAILY : InterestAccrual.PER_PERIOD,
                    InstallmentBasis.NOMINAL_PERIODIC_RATE, 1, RepaymentFrequency.MONTHS,
                    bullet ? DaysInYear.DAYS_360 : DaysInYear.DAYS_365, DaysInMonth.ACTUAL, new BigDecimal("0.01"), 0, 0,
                    EmiAdjustment.NONE);
            ServicingPolicy policy = new ServicingPolicy(new BigDecimal("1.5"), 360, security == SecurityType.CREDIT ? 3 : 0,
                    security != SecurityType.CREDIT, ClassificationTable.valueOf(security.name()));
            return new ProductDefinition(code, name, type, security, "CNY", new BigDecimal(minPrincipal),
                    new BigDecimal(maxPrincipal), minTerm, maxTerm, new BigDecimal(minRate), new BigDecimal(maxRate),
                    conventions, policy, fees, AllocationBucket.DEFAULT_ORDER, documents(), branches, null, effectiveFrom);
        }

        private List<DocumentRequirement> documents() {
            List<DocumentRequirement> documents = new ArrayList<>();
            documents.add(new DocumentRequirement(DocumentType.ID_CARD, true));
            documents.add(new DocumentRequirement(DocumentType.CREDIT_REPORT_CONSENT, true));
            switch (type) {
                case PERSONAL_CONSUMPTION -> documents.add(new DocumentRequirement(DocumentType.INCOME_PROOF, true));
                case INDIVIDUAL_BUSINESS -> documents.add(new DocumentRequirement(DocumentType.BUSINESS_LICENCE, true));
                case FARMER -> documents.add(new DocumentRequirement(DocumentType.LAND_CONTRACT, false));
                case SMALL_ENTERPRISE -> {
                    documents.add(new DocumentRequirement(DocumentType.BUSINESS_LICENCE, true));
                    documents.add(new DocumentRequirement(DocumentType.FINANCIAL_STATEMENTS, true));
                }
            }
            documents.add(new DocumentRequirement(DocumentType.BANK_STATEMENT, false));
            DocumentType securityDocument = DocumentType.requiredBy(security);
            if (securityDocument != null) {
                documents.add(new DocumentRequirement(securityDocument, true));
            }
            return documents;
        }
    }
}
