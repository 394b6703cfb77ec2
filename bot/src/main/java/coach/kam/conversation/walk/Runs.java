package coach.kam.conversation.walk;

import coach.kam.accounts.Account;
import coach.kam.accounts.Accounts;
import coach.kam.conversation.Dialog;
import coach.kam.conversation.Dialogs;
import coach.kam.conversation.Turn;
import coach.kam.flows.Results;
import coach.kam.flows.Walkthrough;
import coach.kam.knowledge.Flow;
import coach.kam.knowledge.KnowledgeBase;
import coach.kam.text.Html;
import java.util.Optional;

/**
 * Where a walkthrough run stands and how it moves: started or picked up on an account, found
 * again from its dialog (its flow, account and step), moved to a step that is then asked, or to the
 * summary, where its results are saved on the account and shown.
 */
final class Runs {
    private final KnowledgeBase knowledge;
    private final Accounts accounts;
    private final Results results;
    private final SummaryView summary;

    Runs(KnowledgeBase knowledge, Accounts accounts, Results results) {
        this.knowledge = knowledge;
        this.accounts = accounts;
        this.results = results;
        this.summary = new SummaryView(results);
    }

    /** The flow, the account and the current step (null at the summary) of a run still worth continuing. */
    record Place(Flow flow, Account account, Flow.Step step) {
    }

    /** Starts the flow on the account, or picks up the run already open for it. */
    void start(Turn turn, Flow flow, Account account) {
        Optional<Dialog> open = openRun(turn, flow.id(), account.id());
        if (open.isPresent() && Walkthrough.SUMMARY.equals(open.get().step())) {
            // Its results are saved already; asking again means a new run (a new evaluation, say).
            turn.endDialog(open.get());
            open = Optional.empty();
        }
        if (open.isPresent()) {
            turn.say(turn.t("walk.continuing"));
            show(turn, turn.open(open.get()));
            return;
        }
        Dialog d = turn.startWalkthrough(flow.id(), flow.version(), Walkthrough.first(flow), account.id());
        if (flow.intro() != null) {
            turn.say(Html.escape(flow.intro().in(turn.lang())));
        }
        StepView.ask(turn, flow, d, account.name());
    }

    /** The unfinished run of this flow on this account, if any. */
    static Optional<Dialog> openRun(Turn turn, String flowId, long accountId) {
        return Dialogs.of(turn.tx(), turn.userId()).stream()
                .filter(d -> flowId.equals(d.flow()) && d.accountId() != null && d.accountId() == accountId).findFirst();
    }

    /** Moves the run to step {@code next} and asks it; null means the summary, where the results are saved. */
    void go(Turn turn, Place c, Dialog d, String next) {
        if (next == null) {
            Dialog atSummary = turn.open(d.movedTo(Walkthrough.SUMMARY, turn.now()).returningTo(null));
            results.save(turn.tx(), c.account(), c.flow(), atSummary.id(), atSummary.version(), atSummary.answers(),
                    turn.now());
            summary.show(turn, c.flow(), atSummary, c.account());
            return;
        }
        Dialog moved = turn.open(d.movedTo(next, turn.now()));
        StepView.ask(turn, c.flow(), moved, c.account().name());
    }

    /** Shows where the run stands again: its step, or its summary. */
    void show(Turn turn, Dialog d) {
        place(turn, d).ifPresent(c -> {
            if (c.step() == null) {
                summary.show(turn, c.flow(), d, c.account());
            } else {
                StepView.ask(turn, c.flow(), d, c.account().name());
            }
        });
    }

    /** "Account evaluation · Kestrel Logistics", escaped. */
    String title(Turn turn, Dialog d) {
        String flow = knowledge.flow(d.flow()).map(f -> f.title().in(turn.lang())).orElse(d.flow());
        String account = d.accountId() == null ? "" : accounts.get(turn.tx(), turn.userId(), d.accountId())
                .map(a -> " · " + a.name()).orElse("");
        return Html.escape(flow + account);
    }

    /**
     * Resolves the run; when its flow or account is gone, or its step left the flow file, it is
     * ended or moved on with a word to the rep instead of failing.
     */
    Optional<Place> place(Turn turn, Dialog d) {
        Optional<Flow> flow = knowledge.flow(d.flow());
        Optional<Account> account = d.accountId() == null ? Optional.empty()
                : accounts.get(turn.tx(), turn.userId(), d.accountId());
        if (flow.isEmpty() || account.isEmpty()) {
            turn.endDialog(d);
            turn.say(turn.t("walk.gone"));
            return Optional.empty();
        }
        if (Walkthrough.SUMMARY.equals(d.step())) {
            return Optional.of(new Place(flow.get(), account.get(), null));
        }
        Optional<Flow.Step> step = flow.get().step(d.step());
        if (step.isEmpty()) {
            Place moving = new Place(flow.get(), account.get(), null);
            go(turn, moving, d, Walkthrough.afterRemovedStep(flow.get(), d.answers(), d.history()));
            return Optional.empty();
        }
        return Optional.of(new Place(flow.get(), account.get(), step.get()));
    }
}
