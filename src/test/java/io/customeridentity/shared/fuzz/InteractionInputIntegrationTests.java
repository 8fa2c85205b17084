package io.customeridentity.shared.fuzz;

/** The input suite ({@link InputSuite}) for the timeline, single and batch interactions, the summary. */
class InteractionInputIntegrationTests extends InputSuite {

    @Override
    Family family() {
        return Family.INTERACTIONS;
    }
}
