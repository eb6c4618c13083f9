package org.xiaodai.customer.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.xiaodai.customer.CustomerKind;
import org.xiaodai.shared.validation.BankCardNumber;
import org.xiaodai.shared.validation.MobileNumber;
import org.xiaodai.shared.validation.ResidentIdNumber;
import org.xiaodai.shared.validation.UnifiedSocialCreditCode;

import static org.assertj.core.api.Assertions.assertThat;

class CustomerRulesTest {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 2);

    static NewCustomer individual(String id, String mobile, String card) {
        return new NewCustomer(CustomerKind.INDIVIDUAL, "测试客户", id, mobile, card, "330106", null, "F52", null,
                "8500.00", null, null);
    }

    @Test
    void aValidIndividualPassesNormalised() {
        var outcome = CustomerRules.validate(individual("360426199101010072", " 13812345678 ", null), TODAY);
        assertThat(outcome.errors()).extracting(v -> v.field() + ":" + v.rule()).containsExactly("idNumber:checkDigit");
        var ok = CustomerRules.validate(individual("360426199101010071", " 13812345678 ", "6222 0212 3456 7890 128"), TODAY);
        assertThat(ok.valid()).isTrue();
        assertThat(ok.customer().mobile()).isEqualTo("13812345678");
        assertThat(ok.customer().bankCard()).isEqualTo("6222021234567890128");
    }

    @Test
    void aLuhnFailureIsAWarningNotAnError() {
        var outcome = CustomerRules.validate(individual("360426199101010071", "13812345678", "6222021234567890127"), TODAY);
        assertThat(outcome.valid()).isTrue();
        assertThat(outcome.customer().bankCardLuhnWarning()).isTrue();
    }

    @ParameterizedTest
    @CsvSource({"99, regionCode", "Z1, industryCode", "-5, monthlyIncome", "12.345, monthlyIncome"})
    void badCodesAndAmountsNameTheField(String value, String field) {
        var in = new NewCustomer(CustomerKind.INDIVIDUAL, "测试", "360426199101010071", "13812345678", null,
                field.equals("regionCode") ? value : null, null, field.equals("industryCode") ? value : null, null,
                field.equals("monthlyIncome") ? value : null, null, null);
        assertThat(CustomerRules.validate(in, TODAY).errors()).extracting(v -> v.field()).containsExactly(field);
    }

    @Test
    void anEnterpriseTakesACreditCodeAndNeedsALegalRepresentative() {
        var in = new NewCustomer(CustomerKind.ENTERPRISE, "示例有限公司", "91110000600037341L", "13812345678", null, null,
                null, null, null, null, null, "5000000");
        assertThat(CustomerRules.validate(in, TODAY).errors()).extracting(v -> v.field() + ":" + v.rule())
                .containsExactly("legalRepresentative:required");
    }

    @Test
    void anyIdNumberTellsACreditCodeFromAResidentId() {
        List<org.xiaodai.shared.validation.Violation> errors = new java.util.ArrayList<>();
        assertThat(CustomerRules.anyIdNumber("91110000600037341l", TODAY, errors)).isEqualTo("91110000600037341L");
        assertThat(CustomerRules.anyIdNumber("360426199101010071", TODAY, errors)).isEqualTo("360426199101010071");
        assertThat(errors).isEmpty();
    }

    @Test
    void syntheticIdentifiersPassEveryCheckDigit() {
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < 500; i++) {
            assertThat(ResidentIdNumber.validate(SyntheticIds.residentId(random), TODAY).isValid()).isTrue();
            assertThat(UnifiedSocialCreditCode.validate(SyntheticIds.creditCode("330106", random)).isValid()).isTrue();
            assertThat(MobileNumber.validate(SyntheticIds.mobile(random)).isValid()).isTrue();
            var card = BankCardNumber.validate(SyntheticIds.bankCard(random));
            assertThat(card.isValid()).isTrue();
            assertThat(card.warnings()).isEmpty();
        }
    }

    @Test
    void documentTypeComesFromTheBytes() {
        assertThat(SniffedType.of(new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0})).contains(SniffedType.JPEG);
        assertThat(SniffedType.of("%PDF-1.7".getBytes())).contains(SniffedType.PDF);
        assertThat(SniffedType.of("<html>".getBytes())).isEmpty();
        assertThat(SniffedType.of(new byte[0])).isEmpty();
    }
}
