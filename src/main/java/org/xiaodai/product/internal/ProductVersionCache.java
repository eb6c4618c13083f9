package org.xiaodai.product.internal;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.xiaodai.product.ProductVersion;
import org.xiaodai.shared.tenant.TenantWall;

/**
 * Stored product versions by product and version number, parsed once: a version is only ever
 * inserted, never changed, and every application, contract and loan opening reads its version
 * again (a row with the definition's JSON to parse). The one changing field, the product's current
 * version, is refreshed by forgetting the product's versions when it moves (now and after commit).
 * The tenant wall still decides: a kept version is answered only to a caller whose wall setting
 * would have let it read the row (its institution, or region-wide).
 */
@Component
class ProductVersionCache {

    /** Enough for every version of a region's catalogue; beyond it the cache starts again. */
    private static final int MAX_ENTRIES = 10_000;

    private record Key(UUID productId, int version) {
    }

    private final Map<Key, ProductVersion> versions = new ConcurrentHashMap<>();

    Optional<ProductVersion> version(UUID productId, int version, Supplier<Optional<ProductVersion>> read) {
        ProductVersion kept = versions.get(new Key(productId, version));
        if (kept != null) {
            return visible(kept) ? Optional.of(kept) : Optional.empty();
        }
        Optional<ProductVersion> found = read.get();
        found.ifPresent(v -> {
            if (versions.size() >= MAX_ENTRIES) {
                versions.clear();
            }
            versions.put(new Key(productId, version), v);
        });
        return found;
    }

    /** The product's current version moved: its kept versions go, now and once the move has committed. */
    void forget(UUID productId) {
        versions.keySet().removeIf(k -> k.productId().equals(productId));
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    versions.keySet().removeIf(k -> k.productId().equals(productId));
                }
            });
        }
    }

    private static boolean visible(ProductVersion v) {
        TenantWall.Setting wall = TenantWall.current();
        return wall.regionWide() || v.institutionId().equals(wall.institutionId());
    }
}
