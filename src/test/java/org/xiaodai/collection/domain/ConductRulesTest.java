package org.xiaodai.collection.domain;

import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Each conduct rule of DOMAIN.md §9 against an injected clock in the region's zone. */
class ConductRulesTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    final ConductPolicy policy = ConductPolicy.defaults();

    static ZonedDateTime at(String localTime) {
        Clock clock = Clock.fixed(ZonedDateTime.parse("2026-12-02T" + localTime + "+08:00[Asia/Shanghai]").toInstant(), SHANGHAI);
        return clock.instant().atZone(clock.getZone());
    }

    @ParameterizedTest(name = "{0} by {1}: {2}")
    @CsvSource({
            "21:59:59, CALL, ",
            "22:00:00, CALL, QUIET_HOURS",
            "23:30:00, VISIT, QUIET_HOURS",
            "03:00:00, SMS, QUIET_HOURS",
            "07:59:59, CALL, QUIET_HOURS",
            "08:00:00, CALL, ",
            "23:30:00, LETTER, "})
    void noContactBetweenTenAtNightAndEightInTheMorningButLetters(String time, ContactChannel channel, ConductRule expected) {
        assertThat(ConductRules.check(new ConductRules.Attempt(at(time), channel, true, false, 0), policy))
                .isEqualTo(java.util.Optional.ofNullable(expected));
    }

    @Test
    void theBorrowersConsentAllowsContactInTheQuietHours() {
        assertThat(ConductRules.check(new ConductRules.Attempt(at("23:00:00"), ContactChannel.CALL, true, true, 0), policy))
                .isEmpty();
    }

    @ParameterizedTest(name = "{0} unanswered calls before, then {1}: {2}")
    @CsvSource({"5, CALL, ", "6, CALL, DAILY_ATTEMPT_LIMIT", "9, CALL, DAILY_ATTEMPT_LIMIT", "6, SMS, ", "6, VISIT, "})
    void atMostSixUnansweredCallsADayPerContact(long before, ContactChannel channel, ConductRule expected) {
        assertThat(ConductRules.check(new ConductRules.Attempt(at("10:00:00"), channel, true, false, before), policy))
                .isEqualTo(java.util.Optional.ofNullable(expected));
    }

    @Test
    void onlyTheBorrowerAndTheContactsTheBorrowerNamedAndThatRuleComesFirst() {
        assertThat(ConductRules.check(new ConductRules.Attempt(at("10:00:00"), ContactChannel.CALL, false, false, 0), policy))
                .contains(ConductRule.UNNAMED_CONTACT);
        assertThat(ConductRules.check(new ConductRules.Attempt(at("23:00:00"), ContactChannel.CALL, false, false, 9), policy))
                .contains(ConductRule.UNNAMED_CONTACT);
    }

    @Test
    void ruleCodesAreWhatTheProblemDetailNames() {
        assertThat(ConductRule.QUIET_HOURS.code()).isEqualTo("quietHours");
        assertThat(ConductRule.DAILY_ATTEMPT_LIMIT.code()).isEqualTo("dailyAttemptLimit");
        assertThat(ConductRule.UNNAMED_CONTACT.code()).isEqualTo("unnamedContact");
    }
}
