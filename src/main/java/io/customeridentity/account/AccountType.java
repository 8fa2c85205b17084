package io.customeridentity.account;

/** What kind of account a number identifies; decides how it is validated and masked. */
public enum AccountType {
    IBAN,
    CARD,
    BANK_ACCOUNT,
    INVESTMENT,
    LOAN,
    OTHER
}
