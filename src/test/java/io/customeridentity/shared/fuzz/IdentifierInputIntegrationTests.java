package io.customeridentity.shared.fuzz;

/** The input suite ({@link InputSuite}) for customer-ID validation and the prefixes. */
class IdentifierInputIntegrationTests extends InputSuite {

    @Override
    Family family() {
        return Family.IDENTIFIERS;
    }
}
