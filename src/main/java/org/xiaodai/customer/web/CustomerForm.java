package org.xiaodai.customer.web;

import org.xiaodai.customer.CustomerKind;
import org.xiaodai.customer.domain.NewCustomer;

/** The customer entry form's fields as typed (text only, so no input can fail binding). */
record CustomerForm(String kind, String name, String idNumber, String mobile, String bankCard, String regionCode,
                    String address, String industryCode, String employer, String monthlyIncome,
                    String legalRepresentative, String registeredCapital) {

    static final String[] FIELDS = {"kind", "name", "idNumber", "mobile", "bankCard", "regionCode", "address",
        "industryCode", "employer", "monthlyIncome", "legalRepresentative", "registeredCapital"};

    static CustomerForm empty() {
        return new CustomerForm("INDIVIDUAL", "", "", "", "", "", "", "", "", "", "", "");
    }

    NewCustomer toNewCustomer() {
        return new NewCustomer(kindOrNull(), name, idNumber, mobile, bankCard, regionCode, address, industryCode,
                employer, monthlyIncome, legalRepresentative, registeredCapital);
    }

    private CustomerKind kindOrNull() {
        for (CustomerKind k : CustomerKind.values()) {
            if (k.name().equals(kind)) {
                return k;
            }
        }
        return null;
    }
}
