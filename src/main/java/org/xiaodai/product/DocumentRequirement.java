package org.xiaodai.product;

/**
 * One line of a product's document checklist.
 *
 * @param document the document
 * @param required whether an application cannot go on without it (otherwise it is asked for when available)
 */
public record DocumentRequirement(DocumentType document, boolean required) {
}
