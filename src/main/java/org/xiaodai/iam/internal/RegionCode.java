package org.xiaodai.iam.internal;

import java.util.Set;

/**
 * An administrative division code of GB/T 2260 (行政区划代码): six digits, the first two a
 * province-level division (11 北京 … 65 新疆, 71 台湾, 81 香港, 82 澳门), e.g. 330000 浙江省,
 * 330100 杭州市, 330106 西湖区. The list of every county is not checked (it changes yearly);
 * the shape and the province are.
 */
final class RegionCode {

    private static final Set<String> PROVINCES = Set.of("11", "12", "13", "14", "15", "21", "22", "23", "31", "32",
            "33", "34", "35", "36", "37", "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62",
            "63", "64", "65", "71", "81", "82");

    private RegionCode() {
    }

    static boolean isValid(String code) {
        return code != null && code.matches("\\d{6}") && PROVINCES.contains(code.substring(0, 2));
    }
}
