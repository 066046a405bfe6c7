package dev.ringside.agent.guard;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The guard runs on every tool output of every agent; it stays plain Java so it can be tested and reasoned about alone. */
class GuardArchitectureTest {

    @Test
    void guardUsesOnlyTheJdkJacksonThePolicyNormaliserAndJournalEvents() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.ringside.agent.guard");
        noClasses().that().resideInAPackage("dev.ringside.agent.guard..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "io.fabric8..", "com.slack..",
                        "dev.langchain4j..", "dev.ringside.gate..", "dev.ringside.cluster..", "dev.ringside.slack..",
                        "dev.ringside.ui..", "dev.ringside.cli..")
                .check(classes);
    }
}
