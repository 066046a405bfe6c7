package dev.ringside.policy.command;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class CommandPackageArchitectureTest {

    @Test
    void commandMatcherDependsOnNoOtherRingsidePackage() {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.ringside.policy.command");

        noClasses().that().resideInAPackage("dev.ringside.policy.command")
                .should().dependOnClassesThat().resideInAPackage("dev.ringside..")
                .andShould().dependOnClassesThat().resideOutsideOfPackages("dev.ringside.policy.command", "java..")
                .because("the gate's matcher must stay plain Java that any layer can reuse")
                .check(classes);
    }
}
