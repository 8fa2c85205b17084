package io.customeridentity;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.customeridentity.support.HandWrittenClasses;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.data.repository.Repository;
import org.springframework.web.bind.annotation.RestController;

/** Keeps web, domain and persistence apart, and the ID scheme free of Spring. */
class ArchitectureTests {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(new HandWrittenClasses())
            .importPackages("io.customeridentity");

    @Test
    void identifierSchemeIsPlainJava() {
        noClasses()
                .that()
                .resideInAPackage("..identifier..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "jakarta..", "io.customeridentity.shared..")
                .check(CLASSES);
    }

    @ParameterizedTest
    @ValueSource(strings = {"customer", "interaction", "account", "resolution"})
    void moduleInternalsAreUsedOnlyInsideTheirModule(String module) {
        noClasses()
                .that()
                .resideOutsideOfPackage("io.customeridentity." + module + "..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.customeridentity." + module + ".internal..")
                .check(CLASSES);
    }

    @Test
    void interactionsUseCustomersOnlyThroughTheirPublicApi() {
        noClasses()
                .that()
                .resideInAPackage("io.customeridentity.interaction..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.customeridentity.customer.internal..", "io.customeridentity.customer.web..")
                .check(CLASSES);
    }

    @Test
    void webLayerIsUsedByNoOtherLayer() {
        noClasses()
                .that()
                .resideOutsideOfPackages("..web..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.customeridentity.customer.web..",
                        "io.customeridentity.interaction.web..",
                        "io.customeridentity.account.web..",
                        "io.customeridentity.resolution.web..")
                .check(CLASSES);
    }

    @Test
    void webLayerDoesNotTouchPersistence() {
        noClasses()
                .that()
                .resideInAPackage("..web..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("jakarta.persistence..", "org.springframework.data..", "org.springframework.jdbc..")
                .check(CLASSES);
    }

    @Test
    void repositoriesAreNotPublic() {
        classes()
                .that()
                .areAssignableTo(Repository.class)
                .should()
                .notHaveModifier(JavaModifier.PUBLIC)
                .check(CLASSES);
    }

    @Test
    void controllersLiveInWebPackages() {
        classes()
                .that()
                .areAnnotatedWith(RestController.class)
                .should()
                .resideInAPackage("..web..")
                .check(CLASSES);
    }
}
