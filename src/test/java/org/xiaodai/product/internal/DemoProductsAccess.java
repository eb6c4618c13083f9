package org.xiaodai.product.internal;

import org.xiaodai.product.ProductDefinition;

/** Lets tests of other packages use a demo definition as a well-formed example. */
public final class DemoProductsAccess {

    private DemoProductsAccess() {
    }

    /** The current version of the demo consumer credit product. */
    public static ProductDefinition first() {
        return DemoProducts.catalogue("演示", false).get(1);
    }
}
