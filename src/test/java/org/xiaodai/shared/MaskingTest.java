package org.xiaodai.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MaskingTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "360426199101010071, 3604**********0071",
            "11010519491231002X, 1101**********002X",
            "12345678,           ********",
    })
    void masksResidentIdKeepingFirstAndLastFour(String id, String masked) {
        assertThat(Masking.maskResidentId(id)).isEqualTo(masked);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "6222021234567894,    622202******7894",
            "6217001234567890122, 621700*********0122",
            "1234567890,          **********",
    })
    void masksBankCardKeepingFirstSixAndLastFour(String card, String masked) {
        assertThat(Masking.maskBankCard(card)).isEqualTo(masked);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "13812341234, 138****1234",
            "1381234,     *******",
    })
    void masksMobileKeepingFirstThreeAndLastFour(String mobile, String masked) {
        assertThat(Masking.maskMobile(mobile)).isEqualTo(masked);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "张三,     张*",
            "张三丰,   张**",
            "欧阳娜娜, 欧***",
            "张,       张",
            "𠮷野家,   𠮷**",
            "Li Lei,   L*****",
    })
    void masksNameKeepingOnlyTheFirstCharacter(String name, String masked) {
        assertThat(Masking.maskName(name)).isEqualTo(masked);
    }

    @Test
    void passesNullAndEmptyThrough() {
        assertThat(Masking.maskResidentId(null)).isNull();
        assertThat(Masking.maskBankCard(null)).isNull();
        assertThat(Masking.maskMobile(null)).isNull();
        assertThat(Masking.maskName(null)).isNull();
        assertThat(Masking.maskName("")).isEmpty();
        assertThat(Masking.maskMobile("")).isEmpty();
    }

    @Test
    void rejectsNegativeKeepCounts() {
        assertThatIllegalArgumentException().isThrownBy(() -> Masking.keepEnds("abc", -1, 0));
    }
}
