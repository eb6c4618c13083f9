package org.xiaodai.platform.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PersonalDataScrubberTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            borrower 360402199001010071 applied           | borrower 3604**********0071 applied
            id 36040219900101007X ok                       | id 3604**********007X ok
            card 6222021234567890123 charged               | card 622202*********0123 charged
            card 6222021234567890 charged                  | card 622202******7890 charged
            call 13812345678 now                           | call 138****5678 now
            tel:+8615912345678.                            | tel:+86159****5678.
            login password=s3cret&user=li                  | login password=******&user=li
            Password = hunter2 next                        | Password = ****** next
            '{"user":"li","password":"p\\"w d"}'           | '{"user":"li","password":"******"}'
            loan 12345 of 100.00 yuan on 2025-03-01        | loan 12345 of 100.00 yuan on 2025-03-01
            order 123456789012 (12 digits) stays           | order 123456789012 (12 digits) stays
            """)
    void masksPersonalDataAndLeavesOtherNumbersAlone(String raw, String masked) {
        assertThat(PersonalDataScrubber.scrub(raw)).isEqualTo(masked);
    }
}
