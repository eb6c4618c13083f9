package org.xiaodai.customer.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.xiaodai.customer.CustomerKind;
import org.xiaodai.shared.validation.BankCardNumber;
import org.xiaodai.shared.validation.DecimalNumber;
import org.xiaodai.shared.validation.MobileNumber;
import org.xiaodai.shared.validation.ResidentIdNumber;
import org.xiaodai.shared.validation.UnifiedSocialCreditCode;
import org.xiaodai.shared.validation.ValidationResult;
import org.xiaodai.shared.validation.Violation;

/**
 * The rules a customer record meets (DOMAIN.md §7), as one function: raw input in, either a
 * {@link ValidCustomer} or every violation with the API field it belongs to. ID numbers are
 * checked with the shared validators (resident ID for individuals, USCC for enterprises); a bank
 * card failing Luhn is a warning only.
 */
public final class CustomerRules {

    public static final int MAX_NAME = 100;
    public static final int MAX_TEXT = 200;
    /** GB/T 2260 administrative division: six digits, province 11–82. */
    static final Pattern REGION_CODE = Pattern.compile("[1-8][0-9]{5}");
    /** GB/T 4754 industry: a section letter A–T, optionally with a 2-, 3- or 4-digit class. */
    static final Pattern INDUSTRY_CODE = Pattern.compile("[A-T]([0-9]{2}([0-9]{1,2})?)?");

    private CustomerRules() {
    }

    /** The outcome: {@code customer} is null exactly when {@code errors} is not empty; warnings either way. */
    public record Outcome(ValidCustomer customer, List<Violation> errors, List<Violation> warnings) {
        public boolean valid() {
            return errors.isEmpty();
        }
    }

    public static Outcome validate(NewCustomer in, LocalDate asOf) {
        List<Violation> errors = new ArrayList<>();
        List<Violation> warnings = new ArrayList<>();
        if (in.kind() == null) {
            errors.add(own("kind", "required"));
        }
        String name = text(in.name(), "name", MAX_NAME, true, errors);
        String idNumber = idNumber(in, asOf, errors);
        String mobile = take(MobileNumber.validate(in.mobile()).forField("mobile"), MobileNumber::value, errors, warnings);
        String bankCard = blank(in.bankCard()) ? null
                : take(BankCardNumber.validate(in.bankCard()).forField("bankCard"), BankCardNumber::value, errors, warnings);
        String regionCode = code(in.regionCode(), "regionCode", REGION_CODE, errors);
        String industryCode = code(in.industryCode(), "industryCode", INDUSTRY_CODE, errors);
        String address = text(in.address(), "address", MAX_TEXT, false, errors);
        String employer = text(in.employer(), "employer", MAX_TEXT, false, errors);
        BigDecimal income = amount(in.monthlyIncome(), "monthlyIncome", errors);
        boolean enterprise = in.kind() == CustomerKind.ENTERPRISE;
        String legalRepresentative = text(in.legalRepresentative(), "legalRepresentative", MAX_NAME, enterprise, errors);
        BigDecimal capital = amount(in.registeredCapital(), "registeredCapital", errors);
        if (!errors.isEmpty()) {
            return new Outcome(null, List.copyOf(errors), List.copyOf(warnings));
        }
        return new Outcome(new ValidCustomer(in.kind(), name, idNumber, mobile, bankCard, regionCode, address,
                industryCode, employer, income, legalRepresentative, capital, warnings), List.of(), List.copyOf(warnings));
    }

    /** The normalised ID number of {@code kind}, or null with the violations added. */
    public static String idNumber(CustomerKind kind, String raw, LocalDate asOf, List<Violation> errors) {
        if (kind == CustomerKind.ENTERPRISE) {
            return take(UnifiedSocialCreditCode.validate(raw).forField("idNumber"), UnifiedSocialCreditCode::value,
                    errors, new ArrayList<>());
        }
        return take(ResidentIdNumber.validate(raw, asOf).forField("idNumber"), ResidentIdNumber::value, errors,
                new ArrayList<>());
    }

    /**
     * A resident ID or a USCC, whichever the input is (the blacklist and related parties take
     * both): a valid resident ID first, else a valid USCC; when neither, the violations of the one
     * the input looks like (a letter other than a final X: a USCC).
     */
    public static String anyIdNumber(String raw, LocalDate asOf, List<Violation> errors) {
        List<Violation> asResident = new ArrayList<>();
        String resident = idNumber(CustomerKind.INDIVIDUAL, raw, asOf, asResident);
        if (resident != null) {
            return resident;
        }
        List<Violation> asCredit = new ArrayList<>();
        String credit = idNumber(CustomerKind.ENTERPRISE, raw, asOf, asCredit);
        if (credit != null) {
            return credit;
        }
        String stripped = raw == null ? "" : raw.strip();
        boolean looksCredit = stripped.length() == 18
                && !stripped.substring(0, 17).chars().allMatch(c -> c >= '0' && c <= '9');
        errors.addAll(looksCredit ? asCredit : asResident);
        return null;
    }

    private static String idNumber(NewCustomer in, LocalDate asOf, List<Violation> errors) {
        return idNumber(in.kind() == null ? CustomerKind.INDIVIDUAL : in.kind(), in.idNumber(), asOf, errors);
    }

    private static <T> String take(ValidationResult<T> result, Function<T, String> value, List<Violation> errors,
                                   List<Violation> warnings) {
        errors.addAll(result.errors());
        warnings.addAll(result.warnings());
        return result.toOptional().map(value).orElse(null);
    }

    private static String text(String raw, String field, int max, boolean required, List<Violation> errors) {
        if (blank(raw)) {
            if (required) {
                errors.add(own(field, "required"));
            }
            return null;
        }
        String value = raw.strip();
        if (value.codePointCount(0, value.length()) > max) {
            errors.add(new Violation(field, "size", "customer.validation.size", List.of(1, max)));
            return null;
        }
        return value;
    }

    private static String code(String raw, String field, Pattern pattern, List<Violation> errors) {
        if (blank(raw)) {
            return null;
        }
        String value = raw.strip().toUpperCase(java.util.Locale.ROOT);
        if (!pattern.matcher(value).matches()) {
            errors.add(own(field, "format"));
            return null;
        }
        return value;
    }

    private static BigDecimal amount(String raw, String field, List<Violation> errors) {
        if (blank(raw)) {
            return null;
        }
        ValidationResult<BigDecimal> result = DecimalNumber.validate(raw).forField(field);
        errors.addAll(result.errors());
        BigDecimal value = result.toOptional().orElse(null);
        if (value != null && (value.signum() < 0 || value.scale() > 2)) {
            errors.add(own(field, "amount"));
            return null;
        }
        return value;
    }

    private static Violation own(String field, String rule) {
        return new Violation(field, rule, "customer.validation." + field + "." + rule, List.of());
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
