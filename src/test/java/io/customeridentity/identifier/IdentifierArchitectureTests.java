package io.customeridentity.identifier;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Keeps the heart of the product free of frameworks and of the other modules. */
class IdentifierArchitectureTests {

    private final JavaClasses identifier = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.customeridentity.identifier");

    @Test
    void isPlainJavaWithoutSpring() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.springframework..")
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

    @Test
    void dependsOnNoOtherModuleOfTheApplication() {
        noClasses()
                .should()
                .dependOnClassesThat(resideInAPackage("io.customeridentity..")
                        .and(not(resideInAPackage("io.customeridentity.identifier.."))))
                .check(identifier);
    }
}
