package io.customeridentity.shared.fuzz;

/** The input suite ({@link InputSuite}) for the change feed. */
class EventInputIntegrationTests extends InputSuite {

    @Override
    Family family() {
        return Family.EVENTS;
    }
}
