package coach.kam.conversation.walk;

import coach.kam.accounts.Account;
import coach.kam.accounts.Accounts;
import coach.kam.conversation.Dialog;
import coach.kam.conversation.DialogButton;
import coach.kam.conversation.DialogHandler;
import coach.kam.conversation.Turn;
import coach.kam.conversation.buttons.AccountButtons;
import coach.kam.flows.AccountFacts;
import coach.kam.flows.Answer;
import coach.kam.flows.AnswerParser;
import coach.kam.flows.Results;
import coach.kam.flows.Stances;
import coach.kam.flows.Walkthrough;
import coach.kam.knowledge.Flow;
import coach.kam.knowledge.KnowledgeBase;
import coach.kam.text.Html;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs a flow file as a conversation: one step at a time, typed answers checked and asked again
 * when wrong, back, skip and cancel on every step, and a summary with an edit button per answer.
 * A run remembers the flow version it started with; a step that has since left the file is passed.
 */
public final class WalkDialog implements DialogHandler {
    private final Results results;
    private final Runs runs;

    public WalkDialog(KnowledgeBase knowledge, Accounts accounts, AccountFacts facts) {
        this.results = new Results(facts);
        this.runs = new Runs(knowledge, accounts, results);
    }

    /**
     * What else a finished walkthrough does, given the transaction, the account and the flow's id
     * (the after-course plan ticks its matching action).
     */
    public WalkDialog whenCompleted(Results.Completed then) {
        results.whenCompleted(then);
        return this;
    }

    /** Starts the flow on the account, or picks up the run already open for it. */
    public void start(Turn turn, Flow flow, Account account) {
        runs.start(turn, flow, account);
    }

    @Override
    public void text(Turn turn, Dialog d, String text) {
        Optional<Runs.Place> c = runs.place(turn, d);
        if (c.isEmpty()) {
            return;
        }
        if (c.get().step() == null) {
            // Everything is answered and saved: a typed line is not for the walkthrough any more.
            turn.session(turn.session().withDialog(null));
            turn.asPlainText(text);
            return;
        }
        Flow.Step step = c.get().step();
        if ("stance".equals(d.context().get("phase"))) {
            Optional<String> stance = Stances.find(text);
            if (stance.isEmpty()) {
                turn.say(turn.t("walk.bad.stance"));
                StepView.ask(turn, c.get().flow(), d, c.get().account().name());
                return;
            }
            withStance(turn, c.get(), d, stance.get());
            return;
        }
        LocalDate today = turn.now().atZone(turn.zone()).toLocalDate();
        AnswerParser.Result r = Walkthrough.read(step, text, turn.lang(), today);
        if (!r.ok()) {
            turn.say("⚠️ " + turn.t(r.problem(), r.args()));
            StepView.ask(turn, c.get().flow(), d, c.get().account().name());
            return;
        }
        accept(turn, c.get(), d, r.answer());
    }

    @Override
    public void press(Turn turn, Dialog d, DialogButton pressed) {
        Optional<Runs.Place> found = runs.place(turn, d);
        if (found.isEmpty()) {
            return;
        }
        Runs.Place c = found.get();
        switch (pressed.op()) {
            case "back" -> back(turn, d);
            case "skip" -> skip(turn, d);
            case "x" -> {
                turn.endDialog(d);
                turn.say(turn.t("dialog.cancelled", title(turn, d)));
            }
            case "e" -> edit(turn, c, d, pressed.arg());
            case "fin" -> finish(turn, c, d);
            default -> answerPress(turn, c, d, pressed);
        }
    }

    private void answerPress(Turn turn, Runs.Place c, Dialog d, DialogButton pressed) {
        Flow.Step step = c.step();
        if (step == null) {
            turn.say(turn.t("button.unknown"));
            return;
        }
        String op = pressed.op();
        String arg = pressed.arg();
        Optional<Answer> chosen = op.equals("c") ? Walkthrough.pressed(step, arg) : Optional.empty();
        if (op.equals("st") && Stances.IDS.contains(arg) && "stance".equals(d.context().get("phase"))) {
            withStance(turn, c, d, arg);
        } else if (chosen.isPresent()) {
            accept(turn, c, d, chosen.get());
        } else if (op.equals("m") && step.type() == Flow.Kind.MULTI && step.choice(arg).isPresent()) {
            toggle(turn, c, d, arg);
        } else if (op.equals("ok") && step.type() == Flow.Kind.MULTI) {
            List<String> picked = StepView.picked(d);
            if (picked.isEmpty()) {
                turn.say(turn.t("walk.bad.multi.none"));
                return;
            }
            accept(turn, c, d, Answer.choices(picked));
        } else {
            turn.say(turn.t("button.unknown"));
        }
    }

    private void toggle(Turn turn, Runs.Place c, Dialog d, String choiceId) {
        List<String> picked = new ArrayList<>(StepView.picked(d));
        if (!picked.remove(choiceId)) {
            picked.add(choiceId);
        }
        // Keep the written order so the stored answer reads like the list.
        List<String> ordered = Walkthrough.inWrittenOrder(c.step(), picked);
        Dialog next = turn.open(d.withContext("picked", String.join(",", ordered)).bumped(turn.now()));
        StepView.ask(turn, c.flow(), next, c.account().name());
    }

    private void withStance(Turn turn, Runs.Place c, Dialog d, String stance) {
        Answer full = Walkthrough.withStance(d.answers().get(c.step().id()), stance);
        accept(turn, c, d.withContext("phase", null), full);
    }

    private void accept(Turn turn, Runs.Place c, Dialog d, Answer answer) {
        Flow.Step step = c.step();
        Dialog answered = d.withAnswer(step.id(), answer).withContext("picked", null);
        if (step.type() == Flow.Kind.PERSON && answer.person() != null && answer.person().stance() == null) {
            Dialog asking = turn.open(answered.withContext("phase", "stance").bumped(turn.now()));
            StepView.ask(turn, c.flow(), asking, c.account().name());
            return;
        }
        runs.go(turn, c, answered, nextAfter(c.flow(), answered, step.id()));
    }

    /** After an edit from the summary only the steps that depend on the edited one are asked again. */
    private static String nextAfter(Flow flow, Dialog d, String stepId) {
        return Walkthrough.nextAfter(flow, d.answers(), stepId, Walkthrough.SUMMARY.equals(d.returnTo()));
    }

    @Override
    public void back(Turn turn, Dialog d) {
        Optional<Runs.Place> c = runs.place(turn, d);
        if (c.isEmpty()) {
            return;
        }
        if (Walkthrough.SUMMARY.equals(d.returnTo())) {
            runs.go(turn, c.get(), d.withContext("phase", null), null);
            return;
        }
        if (d.history().isEmpty()) {
            turn.say(turn.t("walk.first"));
            resume(turn, d);
            return;
        }
        Dialog previous = turn.open(d.withContext("phase", null).withContext("picked", null).back(turn.now()));
        resume(turn, previous);
    }

    @Override
    public void skip(Turn turn, Dialog d) {
        Optional<Runs.Place> c = runs.place(turn, d);
        if (c.isEmpty()) {
            return;
        }
        if (c.get().step() == null) {
            turn.say(turn.t("walk.summary.use.buttons"));
            return;
        }
        Dialog skipped = d.withAnswer(c.get().step().id(), null).withContext("phase", null).withContext("picked", null);
        runs.go(turn, c.get(), skipped, nextAfter(c.get().flow(), skipped, c.get().step().id()));
    }

    private void edit(Turn turn, Runs.Place c, Dialog d, String stepId) {
        Optional<Flow.Step> step = c.flow().step(stepId == null ? "" : stepId);
        if (c.step() != null || step.isEmpty() || !Walkthrough.applies(step.get(), d.answers())) {
            turn.say(turn.t("button.unknown"));
            return;
        }
        Dialog editing = turn.open(d.movedTo(stepId, turn.now()).returningTo(Walkthrough.SUMMARY));
        StepView.ask(turn, c.flow(), editing, c.account().name());
    }

    private void finish(Turn turn, Runs.Place c, Dialog d) {
        if (c.step() != null) {
            turn.say(turn.t("button.unknown"));
            return;
        }
        turn.endDialog(d);
        turn.say(turn.t("walk.finished", Html.escape(c.flow().title().in(turn.lang())), Html.escape(c.account().name())),
                List.of(List.of(AccountButtons.BRIEF.button(turn.t("btn.brief"), new AccountButtons.Pick(c.account().id())))));
    }

    @Override
    public void resume(Turn turn, Dialog d) {
        runs.show(turn, d);
    }

    @Override
    public String title(Turn turn, Dialog d) {
        return runs.title(turn, d);
    }

    @Override
    public boolean resumable() {
        return true;
    }
}
