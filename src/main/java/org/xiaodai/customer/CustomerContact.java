package org.xiaodai.customer;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Someone a lender may contact about a customer's loan: the customer themself or a related party
 * the customer named (spouse, guarantor, …), with the mobile masked as screens show it.
 *
 * @param id           the customer's id for the customer themself, else the related party's id
 * @param borrower     true for the customer themself
 * @param relation     null for the customer, else the relation (SPOUSE, GUARANTOR, …)
 * @param mobileMasked e.g. {@code 138****5678}; null when no mobile is known
 */
public record CustomerContact(UUID id, boolean borrower, @Nullable String relation, String name,
                              @Nullable String mobileMasked) {
}
