package io.tipoff.worker;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The worker's packages depend on each other in one direction only: a package cycle fails the build. */
class ArchitectureTest {

    /** This module's own classes, as Maven compiled them. */
    private static final JavaClasses WORKER = new ClassFileImporter().importPath(Path.of("target", "classes"));

    @Test
    void packagesDependOnEachOtherWithoutCycles() {
        slices().matching("io.tipoff.worker.(**)").should().beFreeOfCycles().check(WORKER);
    }
}
