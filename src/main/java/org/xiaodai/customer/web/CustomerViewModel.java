package org.xiaodai.customer.web;

import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.xiaodai.customer.BlacklistHit;
import org.xiaodai.customer.ConsentPurpose;
import org.xiaodai.customer.Customers;
import org.xiaodai.customer.internal.ConsentService;
import org.xiaodai.customer.internal.CustomerPii;
import org.xiaodai.customer.internal.CustomerService;
import org.xiaodai.customer.internal.DocumentService;
import org.xiaodai.customer.internal.RelatedPartyService;
import org.xiaodai.iam.CurrentUser;
import org.xiaodai.platform.web.FormErrors;

/** Everything the customer 360 view (客户全景) shows: profile, regional checks, related parties, documents, consents. */
@Component
class CustomerViewModel {

    private final CustomerService customers;
    private final RelatedPartyService parties;
    private final DocumentService documents;
    private final ConsentService consents;
    private final Customers facade;

    CustomerViewModel(CustomerService customers, RelatedPartyService parties, DocumentService documents,
                      ConsentService consents, Customers facade) {
        this.customers = customers;
        this.parties = parties;
        this.documents = documents;
        this.consents = consents;
        this.facade = facade;
    }

    void fill(Model model, CurrentUser caller, UUID id, CustomerPii pii) {
        model.addAttribute("customer", customers.get(caller, id));
        model.addAttribute("pii", pii);
        BlacklistHit hit = facade.blacklist(id);
        model.addAttribute("blacklist", hit);
        model.addAttribute("elsewhere", facade.institutionsElsewhere(id));
        model.addAttribute("sameMobile", customers.sameMobileElsewhere(caller, id));
        model.addAttribute("parties", parties.of(caller, id));
        model.addAttribute("documents", documents.of(caller, id));
        model.addAttribute("consents", consents.of(caller, id));
        model.addAttribute("relations", RelatedPartyService.Relation.values());
        model.addAttribute("categories", DocumentService.Category.values());
        model.addAttribute("purposes", ConsentPurpose.values());
        model.addAttribute("channels", ConsentService.Channel.values());
        model.addAttribute("canManage", caller.permissions().contains("customer:manage"));
        model.addAttribute("canSeePii", caller.permissions().contains("customer:pii:view"));
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", FormErrors.none());
        }
    }
}
