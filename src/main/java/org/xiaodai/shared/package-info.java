/**
 * Shared kernel (共享内核): the small value types every module uses — {@link org.xiaodai.shared.Money}
 * for amounts with their currency, {@link org.xiaodai.shared.Rate} for annual interest rates, the
 * validators for Chinese identifiers in {@code validation} (resident ID, unified social credit code,
 * bank card, mobile number) and {@link org.xiaodai.shared.Masking} for personal information on
 * screens and in exports. It holds no business logic and no Spring beans: plain Java that any
 * module may depend on, which is why it is an open module.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.xiaodai.shared;
