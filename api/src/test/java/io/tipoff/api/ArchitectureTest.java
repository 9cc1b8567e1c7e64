package io.tipoff.api;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The api's features depend on each other in one direction only: a package cycle fails the build. */
class ArchitectureTest {

    private static final JavaClasses API = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.tipoff.api");

    @Test
    void featuresDependOnEachOtherWithoutCycles() {
        slices().matching("io.tipoff.api.(**)").should().beFreeOfCycles().check(API);
    }
}
