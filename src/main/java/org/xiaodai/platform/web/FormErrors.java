package org.xiaodai.platform.web;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Localised messages for one submitted form: per field, shown beside the input, and general ones
 * (a refused action, or a field the form does not show) shown above the form.
 *
 * @param fields  messages by form field name
 * @param general messages not tied to a field
 */
public record FormErrors(Map<String, List<String>> fields, List<String> general) {

    private static final FormErrors NONE = new FormErrors(Map.of(), List.of());

    public FormErrors {
        fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        general = List.copyOf(general);
    }

    /** No errors: what a form shows when first opened. */
    public static FormErrors none() {
        return NONE;
    }

    public boolean any() {
        return !fields.isEmpty() || !general.isEmpty();
    }

    public boolean has(String field) {
        return fields.containsKey(field);
    }

    /** Messages for {@code field}, empty when it is fine. */
    public List<String> of(String field) {
        return fields.getOrDefault(field, List.of());
    }

    /** General messages plus those of fields other than {@code shownFields}, for the summary above a form. */
    public List<String> otherThan(String... shownFields) {
        Set<String> shown = Set.copyOf(Arrays.asList(shownFields));
        List<String> rest = fields.entrySet().stream().filter(e -> !shown.contains(e.getKey()))
                .flatMap(e -> e.getValue().stream()).toList();
        return java.util.stream.Stream.concat(general.stream(), rest.stream()).toList();
    }
}
