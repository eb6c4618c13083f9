package org.xiaodai.customer.domain;

import org.xiaodai.customer.CustomerKind;

/**
 * A customer as typed, before validation: every field is the raw text (null when absent). Amounts
 * are text too, read with {@code shared.validation.DecimalNumber}.
 */
public record NewCustomer(CustomerKind kind, String name, String idNumber, String mobile, String bankCard,
                          String regionCode, String address, String industryCode, String employer,
                          String monthlyIncome, String legalRepresentative, String registeredCapital) {
}
