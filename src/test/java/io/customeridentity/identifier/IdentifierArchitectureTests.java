package io.customeridentity.identifier;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Keeps the heart of the product plain Java: no framework, no other module of the application. */
class IdentifierArchitectureTests {

    private final JavaClasses identifier = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.customeridentity.identifier");

    @Test
    void usesOnlyTheJdkAndBouncyCastle() {
        classes()
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "org.bouncycastle..", "io.customeridentity.identifier..")
                .check(identifier);
    }

    @Test
    void onlyFf1TouchesBouncyCastle() {
        noClasses()
                .that()
                .doNotHaveSimpleName("Ff1")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.bouncycastle..")
                .check(identifier);
    }
}
