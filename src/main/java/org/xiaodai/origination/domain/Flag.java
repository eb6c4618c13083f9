package org.xiaodai.origination.domain;

import java.util.List;

/**
 * A finding of the checks on submit: a stable code and the values its plain-words explanation
 * ({@code origination.flag.<code>}) needs.
 */
public record Flag(String code, List<String> args) {

    public Flag {
        args = List.copyOf(args);
    }

    public static Flag of(String code, Object... args) {
        return new Flag(code, java.util.Arrays.stream(args).map(String::valueOf).toList());
    }
}
