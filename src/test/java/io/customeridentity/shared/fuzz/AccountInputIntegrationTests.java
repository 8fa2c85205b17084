package io.customeridentity.shared.fuzz;

/** The input suite ({@link InputSuite}) for linked account numbers and their resolve. */
class AccountInputIntegrationTests extends InputSuite {

    @Override
    Family family() {
        return Family.ACCOUNTS;
    }
}
