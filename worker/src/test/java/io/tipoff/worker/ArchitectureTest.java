package io.tipoff.worker;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The worker's packages depend on each other in one direction only: a package cycle fails the build. */
class ArchitectureTest {

    private static final JavaClasses WORKER = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.tipoff.worker");

    @Test
    void packagesDependOnEachOtherWithoutCycles() {
        slices().matching("io.tipoff.worker.(**)").should().beFreeOfCycles().check(WORKER);
    }
}
