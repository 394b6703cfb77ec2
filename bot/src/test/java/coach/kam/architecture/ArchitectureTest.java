package coach.kam.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layers of the README's drawing, enforced over the compiled main classes: adapters, then the
 * pipeline (the one way in and, in delivery, the one way out), the conversation, the services, the
 * store. A violation fails with its class and the dependency.
 */
class ArchitectureTest {
    private static final String[] SERVICES = {"coach.kam.access..", "coach.kam.audit..", "coach.kam.accounts..", "coach.kam.ask..",
            "coach.kam.backup..", "coach.kam.checkin..", "coach.kam.config..",
            "coach.kam.export..", "coach.kam.flows..", "coach.kam.intent..", "coach.kam.knowledge..",
            "coach.kam.objections..", "coach.kam.plans..", "coach.kam.quarantine..", "coach.kam.retrieval..",
            "coach.kam.text..", "coach.kam.when..", "coach.kam.deals..", "coach.kam.targets..", "coach.kam.territory..",
            "coach.kam.charts..", "coach.kam.practice..", "coach.kam.owndata..", "coach.kam.overview..", "coach.kam.team.."};
    private static JavaClasses classes;

    @BeforeAll
    static void load() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("coach.kam");
    }

    static ArchRule layers() {
        return layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("Root").definedBy("coach.kam")
                .layer("Adapters").definedBy("coach.kam.telegram..", "coach.kam.console..", "coach.kam.cli..",
                        "coach.kam.ops..")
                .layer("Pipeline").definedBy("coach.kam.pipeline..", "coach.kam.delivery..")
                .layer("Conversation").definedBy("coach.kam.conversation..")
                .layer("Services").definedBy(SERVICES)
                .layer("Store").definedBy("coach.kam.store..")
                .whereLayer("Root").mayOnlyBeAccessedByLayers("Adapters")
                .whereLayer("Adapters").mayOnlyBeAccessedByLayers("Root")
                .whereLayer("Pipeline").mayOnlyBeAccessedByLayers("Adapters", "Root")
                .whereLayer("Conversation").mayOnlyBeAccessedByLayers("Pipeline", "Adapters", "Root")
                .whereLayer("Services").mayOnlyBeAccessedByLayers("Conversation", "Pipeline", "Adapters", "Root")
                .whereLayer("Store").mayOnlyBeAccessedByLayers("Services", "Conversation", "Pipeline", "Adapters",
                        "Root");
    }

    @Test
    void layersPointFromTheEdgesToTheCore() {
        layers().check(classes);
    }

    @Test
    void aServiceThatTakesAChatTurnIsRejected() throws ClassNotFoundException {
        JavaClasses breach = new ClassFileImporter().importClasses(Class.forName("coach.kam.checkin.LayerBreach"),
                coach.kam.conversation.Turn.class);
        var result = layers().evaluate(breach);
        org.junit.jupiter.api.Assertions.assertTrue(result.hasViolation(), "the layer rule let a service use a Turn");
        org.junit.jupiter.api.Assertions.assertTrue(result.getFailureReport().toString().contains("LayerBreach.who"),
                result.getFailureReport().toString());
    }

    @Test
    void capabilitiesFormNoCycles() {
        slices().matching("coach.kam.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void onlyTheTelegramAdapterKnowsTelegram() {
        noClasses().that().resideOutsideOfPackages("coach.kam.telegram..")
                .should().dependOnClassesThat().resideInAPackage("org.telegram..")
                .check(classes);
    }

    @Test
    void exportsOutsideAChatTakeNoTurn() {
        noClasses().that().resideInAPackage("coach.kam.cli..")
                .or().haveFullyQualifiedName("coach.kam.conversation.export.StoreExport")
                .or().haveFullyQualifiedName("coach.kam.conversation.export.Report")
                .should().dependOnClassesThat().haveFullyQualifiedName("coach.kam.conversation.Turn")
                .check(classes);
    }

    @Test
    void thePipelineAndTheStoreKnowNoChatHandler() {
        noClasses().that().resideInAnyPackage("coach.kam.pipeline..", "coach.kam.store..", "coach.kam.quarantine..")
                .should().dependOnClassesThat().haveFullyQualifiedName("coach.kam.conversation.Turn")
                .check(classes);
    }
}
