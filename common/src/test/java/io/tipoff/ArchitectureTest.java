package io.tipoff;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The shared module stays plain Java: the engine, model, pools and ratings know no framework and no cycle. */
class ArchitectureTest {

    /** This module's own classes, as Maven compiled them. */
    private static final JavaClasses COMMON = new ClassFileImporter().importPath(Path.of("target", "classes"));

    @Test
    void packagesDependOnEachOtherWithoutCycles() {
        slices().matching("io.tipoff.(**)").should().beFreeOfCycles().check(COMMON);
    }

    @Test
    void commonDependsOnNoFramework() {
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "jakarta..", "org.slf4j..")
                .check(COMMON);
    }
}
