package io.customeridentity.shared.fuzz;

/** The input suite ({@link InputSuite}) for registration, profiles, versions, the inactive-customer list. */
class CustomerInputIntegrationTests extends InputSuite {

    @Override
    Family family() {
        return Family.CUSTOMERS;
    }
}
