package dev.ringside.journal;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The journal is a bottom layer: plain Java, Jackson and SQLite only, and no other Ringside package. */
class JournalLayerTest {

    private static final JavaClasses JOURNAL = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.ringside.journal");

    @Test
    void journalDependsOnNoOtherRingsidePackage() {
        noClasses().should().dependOnClassesThat(resideInAPackage("dev.ringside..")
                        .and(not(resideInAPackage("dev.ringside.journal.."))))
                .check(JOURNAL);
    }

    @Test
    void journalUsesNoUiClusterSlackOrModelLibraries() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(
                        "javafx..", "io.fabric8..", "com.slack..", "dev.langchain4j..")
                .check(JOURNAL);
    }
}
