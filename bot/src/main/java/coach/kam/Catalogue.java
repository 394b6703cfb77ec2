package coach.kam;

import coach.kam.store.Table;
import coach.kam.store.Tables;
import java.util.List;

/**
 * Every table KAM Coach keeps, in one list: each capability declares its tables where it keeps
 * them (a {@code TABLES} list of plain values) and this is where they are put together. Export,
 * import and the key upgrade walk this catalogue; nothing registers itself anywhere.
 */
public final class Catalogue {
    private static final List<List<Table<?>>> KEPT = List.of(
            coach.kam.access.Access.TABLES,
            coach.kam.accounts.Accounts.TABLES,
            coach.kam.accounts.Activity.TABLES,
            coach.kam.accounts.ChangeLog.TABLES,
            coach.kam.accounts.ChecklistProgress.TABLES,
            coach.kam.accounts.Summaries.TABLES,
            coach.kam.ask.AskService.TABLES,
            coach.kam.ask.LastAnswer.TABLES,
            coach.kam.audit.Audit.TABLES,
            coach.kam.audit.Guesses.TABLES,
            coach.kam.checkin.CheckinStore.TABLES,
            coach.kam.checkin.Reminders.TABLES,
            coach.kam.checkin.Schedule.TABLES,
            coach.kam.checkin.ScheduleFailures.TABLES,
            coach.kam.conversation.Conversation.TABLES,
            coach.kam.conversation.Dialogs.TABLES,
            coach.kam.conversation.commands.LoggedObjections.TABLES,
            coach.kam.conversation.commands.PendingNotes.TABLES,
            coach.kam.conversation.export.ImportCommands.TABLES,
            coach.kam.deals.Deals.TABLES,
            coach.kam.delivery.SendQueue.TABLES,
            coach.kam.flows.AccountFacts.TABLES,
            coach.kam.objections.ObjectionService.TABLES,
            coach.kam.objections.ScriptFeedback.TABLES,
            coach.kam.objections.UnmatchedPhrases.TABLES,
            coach.kam.pipeline.Inbox.TABLES,
            coach.kam.plans.CoursePlans.TABLES,
            coach.kam.plans.Plans.TABLES,
            coach.kam.practice.PracticeStore.TABLES,
            coach.kam.quarantine.Quarantine.TABLES,
            coach.kam.retrieval.EmbeddingCache.TABLES,
            coach.kam.targets.Targets.TABLES,
            coach.kam.team.TeamStore.TABLES,
            coach.kam.territory.Territory.TABLES);

    private static final Tables TABLES = new Tables(KEPT.stream().flatMap(List::stream).toList());

    private Catalogue() {
    }

    /** The catalogue of every table. */
    public static Tables tables() {
        return TABLES;
    }
}
