/**
 * The public loan calculator (贷款计算器): anyone, without logging in, can see the repayment
 * schedule, the total interest and the annualised rate (年化利率) of a set of loan terms. It
 * translates requests into {@code calc} terms and back; all the mathematics lives in {@code calc}.
 * Requests are rate-limited per client address.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Loan calculator",
        allowedDependencies = {"calc", "shared", "platform::web"})
package org.xiaodai.calculator;
