package io.customeridentity.shared.fuzz;

/** The input suite ({@link InputSuite}) for the audit trail, erasure and export. */
class PrivacyInputIntegrationTests extends InputSuite {

    @Override
    Family family() {
        return Family.PRIVACY;
    }
}
