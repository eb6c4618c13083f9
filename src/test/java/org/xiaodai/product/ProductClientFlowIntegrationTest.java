package org.xiaodai.product;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.xiaodai.client.ApiClient;
import org.xiaodai.client.ApiException;
import org.xiaodai.client.api.AuthenticationApi;
import org.xiaodai.client.api.LprApi;
import org.xiaodai.client.api.ProductsApi;
import org.xiaodai.client.model.ProblemDetail;
import org.xiaodai.client.model.ProductDefinition;
import org.xiaodai.client.model.ProductDocument;
import org.xiaodai.client.model.ProductFee;
import org.xiaodai.client.model.ProductScheduleConventions;
import org.xiaodai.client.model.ProductServicingPolicy;
import org.xiaodai.client.model.ProductView;
import org.xiaodai.client.model.TokenRequest;
import org.xiaodai.support.Api;
import org.xiaodai.support.IntegrationTest;
import org.xiaodai.support.ProductFixtures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A partner's generated client (from the committed API document) defines a product, edits it into
 * a second version, reads the first back, and gets the benchmark refusal as a typed problem.
 */
@IntegrationTest
class ProductClientFlowIntegrationTest {

    @LocalServerPort
    int port;

    @Test
    void anInstitutionDefinesAProductAndVersionsItThroughTheGeneratedClient() throws ApiException {
        ApiClient admin = signedIn("a-admin");
        ProductsApi products = new ProductsApi(admin);
        ProductDefinition definition = definition("10.8");
        ProductView created = products.createProduct(definition);
        assertThat(created.getVersion()).isEqualTo(1);
        assertThat(created.getScheduleConventions().getDaysInYear().getValue()).isEqualTo("360");
        ProductView second = products.updateProduct(created.getId(), definition.maxAnnualInterestRatePercent("9.6"), 1);
        assertThat(second.getVersion()).isEqualTo(2);
        assertThat(products.getProductVersion(created.getId(), 1).getMaxAnnualInterestRatePercent()).isEqualTo("10.8");
        assertThat(new LprApi(admin).getRateBenchmark("2025-06-01").getCapPercent()).isEqualTo("12.00");

        ApiException refused = catchThrowableOfType(ApiException.class,
                () -> products.createProduct(definition("15").code(ProductFixtures.code())));
        assertThat(refused.getCode()).isEqualTo(400);
        try {
            ProblemDetail problem = admin.getObjectMapper().readValue(refused.getResponseBody(), ProblemDetail.class);
            assertThat(problem.getErrors()).singleElement().satisfies(e -> {
                assertThat(e.getField()).isEqualTo("maxAnnualInterestRatePercent");
                assertThat(e.getRule()).isEqualTo("rateCap");
            });
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError(refused.getResponseBody(), e);
        }
    }

    private static ProductDefinition definition(String maxRate) {
        return new ProductDefinition().code(ProductFixtures.code()).name("客户端测试贷")
                .productType(ProductDefinition.ProductTypeEnum.fromValue("SMALL_ENTERPRISE"))
                .securityType(ProductDefinition.SecurityTypeEnum.fromValue("GUARANTEED")).currency("CNY")
                .minPrincipal("50000.00").maxPrincipal("1000000.00").minNumberOfRepayments(6).maxNumberOfRepayments(24)
                .minAnnualInterestRatePercent("7.5").maxAnnualInterestRatePercent(maxRate)
                .scheduleConventions(new ProductScheduleConventions().currencyDigits(2)
                        .roundingMode(ProductScheduleConventions.RoundingModeEnum.fromValue("HALF_UP"))
                        .amortization(ProductScheduleConventions.AmortizationEnum.fromValue("EQUAL_PRINCIPAL"))
                        .interestMethod(ProductScheduleConventions.InterestMethodEnum.fromValue("DECLINING_BALANCE"))
                        .interestAccrual(ProductScheduleConventions.InterestAccrualEnum.fromValue("PER_PERIOD"))
                        .installmentBasis(ProductScheduleConventions.InstallmentBasisEnum.fromValue("NOMINAL_PERIODIC_RATE"))
                        .repaymentEvery(1).repaymentFrequency(ProductScheduleConventions.RepaymentFrequencyEnum.fromValue("MONTHS"))
                        .daysInYear(ProductScheduleConventions.DaysInYearEnum.fromValue("360"))
                        .daysInMonth(ProductScheduleConventions.DaysInMonthEnum.fromValue("30"))
                        .installmentAmountInMultiplesOf("0.01").graceOnPrincipalPeriods(0).graceOnInterestPaymentPeriods(0))
                .servicingPolicy(new ProductServicingPolicy().penaltyRateMultiplier("1.5").penaltyDaysInYear(360).graceDays(0)
                        .compoundOverdueInterest(true)
                        .classification(ProductServicingPolicy.ClassificationEnum.fromValue("GUARANTEED")))
                .addFeesItem(new ProductFee().name("担保服务费").kind(ProductFee.KindEnum.fromValue("PERCENT")).value("0.1")
                        .charge(ProductFee.ChargeEnum.fromValue("AT_DISBURSEMENT")))
                .addDocumentsItem(new ProductDocument().document(ProductDocument.DocumentEnum.fromValue("GUARANTEE_LETTER"))
                        .required(true));
    }

    private ApiClient signedIn(String username) throws ApiException {
        ApiClient anonymous = new ApiClient();
        anonymous.updateBaseUri("http://127.0.0.1:" + port);
        String token = new AuthenticationApi(anonymous).issueToken(new TokenRequest().username(username)
                .password(Api.DEMO_PASSWORD).name("generated-client")).getToken();
        ApiClient client = new ApiClient();
        client.updateBaseUri("http://127.0.0.1:" + port);
        return client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
    }
}
