package org.xiaodai;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.xiaodai.client.ApiClient;
import org.xiaodai.client.ApiException;
import org.xiaodai.client.api.AuthenticationApi;
import org.xiaodai.client.api.LoanCalculatorApi;
import org.xiaodai.client.api.MakerCheckerApi;
import org.xiaodai.client.api.RolesApi;
import org.xiaodai.client.api.UsersApi;
import org.xiaodai.client.model.ChangeDecision;
import org.xiaodai.client.model.ChangeRequestView;
import org.xiaodai.client.model.CreateRoleRequest;
import org.xiaodai.client.model.CreateUserRequest;
import org.xiaodai.client.model.CurrentUserResponse;
import org.xiaodai.client.model.FieldError;
import org.xiaodai.client.model.PasswordChange;
import org.xiaodai.client.model.ProblemDetail;
import org.xiaodai.client.model.RoleGrantRequest;
import org.xiaodai.client.model.ScheduleResponse;
import org.xiaodai.client.model.ServicingEvent;
import org.xiaodai.client.model.ServicingPolicy;
import org.xiaodai.client.model.ServicingPosition;
import org.xiaodai.client.model.ServicingRequest;
import org.xiaodai.client.model.TermsRequest;
import org.xiaodai.client.model.TokenRequest;
import org.xiaodai.client.model.UserView;
import org.xiaodai.support.Api;
import org.xiaodai.support.IamFixtures;
import org.xiaodai.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Drives the running application with the Java client that openapi-generator builds from the
 * committed API document ({@code target/generated-test-sources/openapi-client}, package
 * {@code org.xiaodai.client}): typed requests, typed answers, typed problems. As the business
 * modules land, their main flow joins here (customer → application → decision → contract → loan →
 * repayment), so a partner's generated client is known to work end to end.
 */
@IntegrationTest
class GeneratedClientFlowIntegrationTest {

    @LocalServerPort
    int port;

    @Test
    void aPartnerSignsInReadsItselfAndQuotesALoan() throws ApiException {
        UsersApi users = new UsersApi(signedIn("a-admin", Api.DEMO_PASSWORD));
        CurrentUserResponse me = users.getCurrentUser();
        assertThat(me.getUsername()).isEqualTo("a-admin");
        assertThat(me.getOrganisationKind()).isEqualTo(CurrentUserResponse.OrganisationKindEnum.LENDER);
        assertThat(me.getDataScope()).isEqualTo(CurrentUserResponse.DataScopeEnum.INSTITUTION);
        assertThat(me.getPermissions()).contains("iam:user:view");
        assertThat(users.getUser(me.getId()).getInstitutionId()).isEqualTo(me.getOrganisationId());

        ScheduleResponse quote = new LoanCalculatorApi(anonymous()).calculateSchedule(terms());
        assertThat(quote.getInstallments()).hasSize(12);
        assertThat(quote.getInstallments().getFirst().getDueDate()).isEqualTo(LocalDate.of(2024, 2, 15));
        assertThat(quote.getInstallmentAmount()).isEqualTo("888.49");
        assertThat(quote.getAnnualPercentageRate()).isEqualTo("12.00");

        // the same loan, installment 2 paid partly five days late: penalty first, then interest, then principal
        ServicingPosition late = new LoanCalculatorApi(anonymous()).simulateServicing(new ServicingRequest().terms(terms())
                .policy(new ServicingPolicy().penaltyRateMultiplier("1.5").penaltyDaysInYear(360).graceDays(0)
                        .compoundOverdueInterest(false).classification(ServicingPolicy.ClassificationEnum.DPD_DEFAULT))
                .events(List.of(repayment(LocalDate.of(2024, 2, 15), "888.49"), repayment(LocalDate.of(2024, 3, 20), "500.00")))
                .asOf(LocalDate.of(2024, 4, 20)));
        assertThat(late.getStatus()).isEqualTo(ServicingPosition.StatusEnum.OVERDUE);
        assertThat(late.getDaysPastDue()).isEqualTo(36L);
        assertThat(late.getGrade()).isEqualTo(ServicingPosition.GradeEnum.SPECIAL_MENTION);
        assertThat(late.getAllocations().get(1).getPenalty()).isEqualTo("1.99");
        assertThat(late.getAllocations().get(1).getPrincipal()).isEqualTo("405.89");
    }

    private static ServicingEvent repayment(LocalDate date, String amount) {
        return new ServicingEvent().date(date).type(ServicingEvent.TypeEnum.REPAYMENT).amount(amount);
    }

    @Test
    void badInputArrivesAsATypedProblemDetailNamingFieldAndRule() {
        ApiClient client = anonymous();
        ApiException refused = catchThrowableOfType(ApiException.class, () -> new LoanCalculatorApi(client)
                .calculateSchedule(terms().principal("ten thousand").annualInterestRatePercent("12%")));
        assertThat(refused.getCode()).isEqualTo(400);
        assertThat(refused.getResponseHeaders().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        ProblemDetail problem = problem(client, refused);
        assertThat(problem.getType()).isEqualTo(URI.create("https://xiaodai.org/problems/invalid-input"));
        assertThat(problem.getStatus()).isEqualTo(400);
        assertThat(problem.getErrors()).extracting(FieldError::getField, FieldError::getRule)
                .containsExactly(tuple("principal", "decimalFormat"), tuple("annualInterestRatePercent", "decimalFormat"));
        assertThat(problem.getErrors()).allSatisfy(error -> assertThat(error.getMessage()).isNotBlank());

        ApiException unauthenticated = catchThrowableOfType(ApiException.class, () -> new UsersApi(client).getCurrentUser());
        assertThat(unauthenticated.getCode()).isEqualTo(401);
        assertThat(problem(client, unauthenticated).getType()).isEqualTo(URI.create("https://xiaodai.org/problems/unauthenticated"));
    }

    /** Identity and access's flow, the first business flow of the platform: onboarding a loan officer by maker-checker. */
    @Test
    void anInstitutionOnboardsALoanOfficerThroughMakerChecker() throws ApiException {
        ApiClient admin = signedIn("a-admin", Api.DEMO_PASSWORD);
        ApiClient approver = signedIn("a-approver", Api.DEMO_PASSWORD);
        String roleCode = ("FLOW_" + UUID.randomUUID().toString().substring(0, 6)).toUpperCase().replace('-', '_');
        UUID roleId = new RolesApi(admin).createRole(new CreateRoleRequest().code(roleCode).name("流程测试角色")
                .permissions(List.of("iam:user:view"))).getId();
        String username = IamFixtures.unique("flow");
        UserView officer = new UsersApi(admin).createUser(new CreateUserRequest().username(username).displayName("流程 测试")
                .dataScope(CreateUserRequest.DataScopeEnum.INSTITUTION).initialPassword("Flow#Initial2026"));
        UUID changeRequestId = new UsersApi(admin).requestRoleGrant(officer.getId(), new RoleGrantRequest().roleId(roleId))
                .getChangeRequestId();

        ChangeRequestView decided = new MakerCheckerApi(approver).approveChangeRequest(changeRequestId,
                new ChangeDecision().note("核对无误"));
        assertThat(decided.getStatus()).isEqualTo(ChangeRequestView.StatusEnum.APPROVED);
        assertThat(decided.getDecidedBy()).isEqualTo("a-approver");
        assertThat(new UsersApi(admin).getUser(officer.getId()).getRoles()).contains(roleCode);

        new AuthenticationApi(anonymous()).changePassword(new PasswordChange().username(username)
                .oldPassword("Flow#Initial2026").newPassword("Flow#Chosen2026"));
        CurrentUserResponse signedInOfficer = new UsersApi(signedIn(username, "Flow#Chosen2026")).getCurrentUser();
        assertThat(signedInOfficer.getRoles()).contains(roleCode);
        assertThat(signedInOfficer.getPermissions()).contains("iam:user:view");
    }

    private ApiClient anonymous() {
        ApiClient client = new ApiClient();
        client.updateBaseUri("http://127.0.0.1:" + port);
        return client;
    }

    private ApiClient signedIn(String username, String password) throws ApiException {
        String token = new AuthenticationApi(anonymous()).issueToken(new TokenRequest().username(username).password(password)
                .name("generated-client")).getToken();
        return anonymous().setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
    }

    private static ProblemDetail problem(ApiClient client, ApiException e) {
        try {
            return client.getObjectMapper().readValue(e.getResponseBody(), ProblemDetail.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException notJson) {
            throw new AssertionError("not a problem detail: " + e.getResponseBody(), notJson);
        }
    }

    /** 10,000.00 at 12% over 12 months, 等额本息. */
    private static TermsRequest terms() {
        return new TermsRequest().principal("10000.00").annualInterestRatePercent("12").currencyDigits(2)
                .roundingMode(TermsRequest.RoundingModeEnum.HALF_UP)
                .amortization(TermsRequest.AmortizationEnum.EQUAL_INSTALLMENTS)
                .interestMethod(TermsRequest.InterestMethodEnum.DECLINING_BALANCE)
                .interestAccrual(TermsRequest.InterestAccrualEnum.PER_PERIOD)
                .installmentBasis(TermsRequest.InstallmentBasisEnum.NOMINAL_PERIODIC_RATE)
                .numberOfRepayments(12).repaymentEvery(1).repaymentFrequency(TermsRequest.RepaymentFrequencyEnum.MONTHS)
                .daysInYear(TermsRequest.DaysInYearEnum._365).daysInMonth(TermsRequest.DaysInMonthEnum.ACTUAL)
                .disbursementDate(LocalDate.of(2024, 1, 15)).firstRepaymentDate(LocalDate.of(2024, 2, 15)).installmentAmountInMultiplesOf("0.01")
                .graceOnPrincipalPeriods(0).graceOnInterestPaymentPeriods(0);
    }
}
