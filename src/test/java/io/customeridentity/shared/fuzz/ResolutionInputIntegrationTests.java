package io.customeridentity.shared.fuzz;

/** The input suite ({@link InputSuite}) for resolve, external references, duplicates, merges and their reversal. */
class ResolutionInputIntegrationTests extends InputSuite {

    @Override
    Family family() {
        return Family.RESOLUTION;
    }
}
