package io.customeridentity;

import com.tngtech.archunit.core.importer.ImportOption;
import io.customeridentity.support.HandWrittenClasses;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The module boundaries, by Spring Modulith: each top-level package is a module, only its base package is its API,
 * and no modules depend on each other in a circle. Draws the modules into {@code target/spring-modulith-docs}.
 */
class ModularityTests {

    static final ApplicationModules MODULES = ApplicationModules.of(
            CustomerIdentityApplication.class,
            location -> ImportOption.Predefined.DO_NOT_INCLUDE_TESTS.includes(location)
                    && new HandWrittenClasses().includes(location));

    @Test
    void modulesUseEachOtherOnlyThroughTheirApiAndWithoutCycles() {
        MODULES.verify();
    }

    @Test
    void writesTheModuleDiagrams() {
        new Documenter(MODULES).writeDocumentation();
    }
}
