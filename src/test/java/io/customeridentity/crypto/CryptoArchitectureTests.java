package io.customeridentity.crypto;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.customeridentity.support.HandWrittenClasses;
import org.junit.jupiter.api.Test;

/** The crypto module stays plain Java, with its one Spring configuration class as the only exception. */
class CryptoArchitectureTests {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(new HandWrittenClasses())
            .importPackages("io.customeridentity.crypto");

    @Test
    void onlyTheConfigurationClassDependsOnSpring() {
        noClasses()
                .that()
                .doNotHaveSimpleName("CryptoConfiguration")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "jakarta..")
                .check(CLASSES);
    }

    @Test
    void usesOnlyTheJdkAndBouncyCastle() {
        classes()
                .that()
                .doNotHaveSimpleName("CryptoConfiguration")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("io.customeridentity.crypto..", "java..", "javax.crypto..", "org.bouncycastle..")
                .because("crypto is a leaf module: no other feature module, no framework")
                .check(CLASSES);
    }
}
