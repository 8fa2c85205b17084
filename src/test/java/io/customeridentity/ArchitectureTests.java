package io.customeridentity;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.customeridentity.support.HandWrittenClasses;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
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
    @MethodSource("modulesWithInternals")
    void moduleInternalsAreUsedOnlyInsideTheirModule(String module) {
        noClasses()
                .that()
                .resideOutsideOfPackage(module + "..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage(module + ".internal..")
                .check(CLASSES);
    }

    /** The base packages of the application modules Spring Modulith finds that have an {@code internal} package. */
    static Stream<String> modulesWithInternals() {
        return modulesWith("internal");
    }

    static Stream<String> modulesWithWeb() {
        return modulesWith("web");
    }

    private static Stream<String> modulesWith(String subPackage) {
        List<String> modules = ModularityTests.MODULES.stream()
                .map(module -> module.getBasePackage().getName())
                .filter(base ->
                        CLASSES.stream().anyMatch(type -> type.getPackageName().startsWith(base + "." + subPackage)))
                .toList();
        assertThat(modules).as("modules with a %s package", subPackage).isNotEmpty();
        return modules.stream();
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
                .resideInAnyPackage(modulesWithWeb()
                        .filter(module -> !module.endsWith(".shared"))
                        .map(module -> module + ".web..")
                        .toArray(String[]::new))
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
