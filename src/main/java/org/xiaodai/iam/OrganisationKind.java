package org.xiaodai.iam;

/** What an organisation is: the platform operator, the regulator (地方金融监管局) or a lender (小额贷款公司). */
public enum OrganisationKind {
    PLATFORM, REGULATOR, LENDER
}
