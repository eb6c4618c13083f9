/**
 * Validators for the identifiers Chinese lending forms collect — resident ID number, unified
 * social credit code, bank card number and mobile number — and for the decimal numbers typed as
 * amounts and rates ({@link org.xiaodai.shared.validation.DecimalNumber}: no exponent, bounded
 * digits). Each validates raw input into a
 * {@link org.xiaodai.shared.validation.ValidationResult} and never throws for bad input; each
 * {@link org.xiaodai.shared.validation.Violation} carries a stable rule code and a key into the
 * {@code messages/validation} bundles (Simplified Chinese and English). Pure Java, no Spring.
 */
package org.xiaodai.shared.validation;
