package io.customeridentity.shared.fuzz;

/** The input suite ({@link InputSuite}) for paths outside the API description (actuator, Swagger UI, unknown paths, broken request lines) and any operation of no other family. */
class EdgeInputIntegrationTests extends InputSuite {

    @Override
    Family family() {
        return Family.EDGE;
    }
}
