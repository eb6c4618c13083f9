package org.xiaodai.product;

/** A document an application under a product must (or may) carry. */
public enum DocumentType {
    /** 身份证. */
    ID_CARD,
    /** 收入证明. */
    INCOME_PROOF,
    /** 银行流水. */
    BANK_STATEMENT,
    /** 营业执照. */
    BUSINESS_LICENCE,
    /** 财务报表. */
    FINANCIAL_STATEMENTS,
    /** 户口簿. */
    HOUSEHOLD_REGISTER,
    /** 土地承包经营权证. */
    LAND_CONTRACT,
    /** 婚姻证明. */
    MARRIAGE_CERTIFICATE,
    /** 保证合同 / 担保函. */
    GUARANTEE_LETTER,
    /** 不动产权证. */
    PROPERTY_CERTIFICATE,
    /** 质押物权属证明. */
    PLEDGE_CERTIFICATE,
    /** 征信查询授权书. */
    CREDIT_REPORT_CONSENT;

    /** The document a security type cannot do without, or null. */
    public static DocumentType requiredBy(SecurityType security) {
        return switch (security) {
            case CREDIT -> null;
            case GUARANTEED -> GUARANTEE_LETTER;
            case MORTGAGE -> PROPERTY_CERTIFICATE;
            case PLEDGE -> PLEDGE_CERTIFICATE;
        };
    }
}
