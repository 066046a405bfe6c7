package dev.ringside.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Keeps DESIGN.md's layer arrows true: the safety core is plain Java and depends on nothing above it. */
class LayeringTest {
    private static final String[] FRAMEWORKS = {"javafx..", "io.fabric8..", "com.slack..", "dev.langchain4j.."};
    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.ringside");
    }

    @Test
    void policyGateAndJournalUseNoUiClusterSlackOrModelFramework() {
        noClasses().that().resideInAnyPackage("dev.ringside.policy..", "dev.ringside.gate..", "dev.ringside.journal..")
                .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS)
                .because("the safety core must be plain Java, obviously correct and fully testable")
                .check(classes);
    }

    @Test
    void policyDependsOnNoOtherRingsidePackage() {
        noClasses().that().resideInAPackage("dev.ringside.policy..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.ringside.gate..", "dev.ringside.journal..",
                        "dev.ringside.agent..", "dev.ringside.cluster..", "dev.ringside.slack..", "dev.ringside.ui..",
                        "dev.ringside.cli..")
                .check(classes);
    }

    @Test
    void journalDependsOnNoOtherRingsidePackage() {
        noClasses().that().resideInAPackage("dev.ringside.journal..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.ringside.gate..", "dev.ringside.policy..",
                        "dev.ringside.agent..", "dev.ringside.cluster..", "dev.ringside.slack..", "dev.ringside.ui..",
                        "dev.ringside.cli..")
                .check(classes);
    }

    @Test
    void gateDependsOnlyOnPolicyAndJournal() {
        noClasses().that().resideInAPackage("dev.ringside.gate..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.ringside.agent..", "dev.ringside.cluster..",
                        "dev.ringside.slack..", "dev.ringside.ui..", "dev.ringside.cli..")
                .check(classes);
    }

    @Test
    void clusterDependsOnNoAgentUiSlackOrCli() {
        noClasses().that().resideInAPackage("dev.ringside.cluster..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.ringside.agent..", "dev.ringside.ui..",
                        "dev.ringside.slack..", "dev.ringside.cli..", "dev.ringside.journal..")
                .because("cluster adapts fabric8 to the gate's port and may use only gate and policy of ours")
                .check(classes);
    }

    @Test
    void slackDependsOnlyOnGateJournalAndPolicy() {
        noClasses().that().resideInAPackage("dev.ringside.slack..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.ringside.agent..", "dev.ringside.cluster..",
                        "dev.ringside.app..", "dev.ringside.ui..", "dev.ringside.cli..")
                .because("slack adapts the Slack SDK to the gate and journal; the engine wires it in")
                .check(classes);
    }

    @Test
    void clusterKillUsesNoJournalAgentAppUiSlackCliOrSandbox() {
        noClasses().that().resideInAPackage("dev.ringside.cluster.kill..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.ringside.journal..", "dev.ringside.agent..",
                        "dev.ringside.app..", "dev.ringside.ui..", "dev.ringside.slack..", "dev.ringside.cli..",
                        "dev.ringside.cluster.sandbox..")
                .because("the kill switch's cluster side acts on real clusters and is wired in by the app, which records it")
                .check(classes);
    }

    @Test
    void nothingBelowTheUiDependsOnTheUi() {
        noClasses().that().resideOutsideOfPackage("dev.ringside.ui..")
                .should().dependOnClassesThat().resideInAPackage("dev.ringside.ui..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void theUiUsesTheRuntimeButNotTheClusterSlackOrCommandLineDirectly() {
        noClasses().that().resideInAPackage("dev.ringside.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.ringside.cli..", "dev.ringside.slack..", "io.fabric8..",
                        "com.slack..", "dev.langchain4j..")
                .because("the cockpit renders view models over the CockpitBackend seam; the runtime does the work")
                .check(classes);
    }

    @Test
    void replayShowsRecordedOutputsAndCanReachNothingThatActs() {
        noClasses().that().resideInAnyPackage("dev.ringside.ui.replay..", "dev.ringside.journal.replay..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.ringside.gate..", "dev.ringside.agent..",
                        "dev.ringside.cluster..", "dev.ringside.slack..", "dev.ringside.app..", "dev.ringside.cli..",
                        "dev.ringside.ui.backend..", "io.fabric8..", "com.slack..", "dev.langchain4j..")
                .because("replay never re-executes: it holds no gate, tool adapter, cluster client, model or runtime")
                .check(classes);
    }

    @Test
    void viewModelsAndTheBackendSeamBuildNoNodes() {
        noClasses().that().resideInAPackage("dev.ringside.ui..").and().haveSimpleNameEndingWith("ViewModel")
                .or().resideInAPackage("dev.ringside.ui.backend..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..")
                .because("a *View renders; a *ViewModel holds state and talks to the backend (JabRef's MVVM)")
                .check(classes);
    }
}
