/**
 * Shared kernel (共享内核): what every module uses and no module owns. The value types —
 * {@link org.xiaodai.shared.Money} for amounts with their currency, {@link org.xiaodai.shared.Rate}
 * for annual interest rates, the validators for Chinese identifiers in {@code validation}
 * (resident ID, unified social credit code, bank card, mobile number) and
 * {@link org.xiaodai.shared.Masking} for personal information — are plain Java. Beside them sit
 * three small pieces of cross-cutting infrastructure: {@code time} (the injected {@code Clock} and
 * the {@link org.xiaodai.shared.time.BusinessDate} contract, the only allowed sources of "now"),
 * {@code problem} (RFC 9457 problem details for every REST error, in the caller's language),
 * {@code query} (server-side search, sort and paging for list pages) and
 * {@link org.xiaodai.shared.Actor} (who is acting, for modules that must not depend on identity).
 * It holds no business logic, which is why it is an open module.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.xiaodai.shared;
