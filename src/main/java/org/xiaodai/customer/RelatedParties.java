package org.xiaodai.customer;

import java.util.List;
import java.util.UUID;

/**
 * Links between an institution's customers through their related parties (关联方: spouse,
 * shareholder, legal representative, guarantor, same contact phone) where the related party is
 * itself a customer, for the 15 % exposure limit of a borrower with its related parties. Runs
 * inside the caller's tenant wall.
 */
public interface RelatedParties {

    /** Every link of the institution, once per direction recorded. */
    List<Link> links(UUID institutionId);

    record Link(UUID customerId, UUID relatedCustomerId) {
    }
}
