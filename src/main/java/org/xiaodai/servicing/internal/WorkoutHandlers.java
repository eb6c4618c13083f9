package org.xiaodai.servicing.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.xiaodai.iam.ChangeRequests;
import org.xiaodai.iam.CurrentUser;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The maker-checker handlers of write-off and restructuring: applied inside the approval transaction. */
@Configuration
class WorkoutHandlers {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final String WRITE_OFF = WorkoutRequests.WRITE_OFF;
    static final String RESTRUCTURE = WorkoutRequests.RESTRUCTURE;

    @Bean
    static ChangeRequests.ChangeHandler servicingWriteOffHandler(LoanWorkouts workouts) {
        return new ChangeRequests.ChangeHandler() {
            @Override
            public String kind() {
                return WRITE_OFF;
            }

            @Override
            public void apply(String payloadJson, UUID institutionId, CurrentUser checker, UUID makerId) {
                JsonNode p = JSON.readTree(payloadJson);
                workouts.writeOff(UUID.fromString(p.get("loanId").asString()), p.get("reason").asString(), checker.userId());
            }

            @Override
            public List<ChangeRequests.Detail> describe(String payloadJson, CurrentUser viewer) {
                JsonNode p = JSON.readTree(payloadJson);
                return List.of(new ChangeRequests.Detail("servicing.request.loan", List.of(p.get("loanId").asString()), null),
                        new ChangeRequests.Detail("servicing.request.reason", List.of(p.get("reason").asString()), null));
            }
        };
    }

    @Bean
    static ChangeRequests.ChangeHandler servicingRestructureHandler(LoanWorkouts workouts) {
        return new ChangeRequests.ChangeHandler() {
            @Override
            public String kind() {
                return RESTRUCTURE;
            }

            @Override
            public void apply(String payloadJson, UUID institutionId, CurrentUser checker, UUID makerId) {
                JsonNode p = JSON.readTree(payloadJson);
                JsonNode rate = p.get("annualInterestRatePercent");
                workouts.restructure(UUID.fromString(p.get("loanId").asString()), p.get("kind").asString(),
                        p.get("numberOfRepayments").asInt(), rate == null || rate.isNull() ? null : new BigDecimal(rate.asString()),
                        p.get("reason").asString(), checker.userId());
            }

            @Override
            public List<ChangeRequests.Detail> describe(String payloadJson, CurrentUser viewer) {
                JsonNode p = JSON.readTree(payloadJson);
                return List.of(new ChangeRequests.Detail("servicing.request.loan", List.of(p.get("loanId").asString()), null),
                        new ChangeRequests.Detail("servicing.request.kind", List.of(p.get("kind").asString()), "servicing.kind."),
                        new ChangeRequests.Detail("servicing.request.repayments",
                                List.of(p.get("numberOfRepayments").asString()), null),
                        new ChangeRequests.Detail("servicing.request.reason", List.of(p.get("reason").asString()), null));
            }
        };
    }
}
