package io.tipoff.api;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The api's features depend on each other in one direction only: a package cycle fails the build. */
class ArchitectureTest {

    /** This module's own classes, as Maven compiled them. */
    private static final JavaClasses API = new ClassFileImporter().importPath(Path.of("target", "classes"));

    @Test
    void featuresDependOnEachOtherWithoutCycles() {
        slices().matching("io.tipoff.api.(**)").should().beFreeOfCycles().check(API);
    }
}
