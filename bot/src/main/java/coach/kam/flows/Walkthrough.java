package coach.kam.flows;

import coach.kam.accounts.Account;
import coach.kam.accounts.Accounts;
import coach.kam.conversation.Dialog;
import coach.kam.conversation.Dialog.Answer;
import coach.kam.conversation.DialogButton;
import coach.kam.conversation.DialogHandler;
import coach.kam.conversation.Dialogs;
import coach.kam.text.Html;
import coach.kam.conversation.Turn;
import coach.kam.knowledge.Flow;
import coach.kam.knowledge.KnowledgeBase;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs a flow file as a conversation: one step at a time, typed answers checked and asked again
 * when wrong, back, skip and cancel on every step, and a summary with an edit button per answer.
 * A run remembers the flow version it started with; a step that has since left the file is passed.
 */
public final class Walkthrough implements DialogHandler {
    public static final String KIND = "walk";
    static final String SUMMARY = "summary";

    private final KnowledgeBase knowledge;
    private final Accounts accounts;
    private final Results results;

    public Walkthrough(KnowledgeBase knowledge, Accounts accounts, AccountFacts facts) {
        this.knowledge = knowledge;
        this.accounts = accounts;
        this.results = new Results(facts);
    }

    /**
     * What else a finished walkthrough does, given the transaction, the account and the flow's id
     * (the after-course plan ticks its matching action).
     */
    public Walkthrough whenCompleted(TriConsumer then) {
        results.whenCompleted(then::accept);
        return this;
    }

    /** A transaction, an account and a flow id. */
    public interface TriConsumer {
        void accept(coach.kam.store.Tx tx, Account account, String flowId);
    }

    /** Starts the flow on the account, or picks up the run already open for it. */
    public void start(Turn turn, Flow flow, Account account) {
        Optional<Dialog> open = openRun(turn, flow.id(), account.id());
        if (open.isPresent() && SUMMARY.equals(open.get().step())) {
            // Its results are saved already; asking again means a new run (a new evaluation, say).
            turn.endDialog(open.get());
            open = Optional.empty();
        }
        if (open.isPresent()) {
            turn.say(turn.t("walk.continuing"));
            resume(turn, turn.open(open.get()));
            return;
        }
        String first = nextApplicable(flow, null, -1);
        Dialog d = turn.startWalkthrough(flow.id(), flow.version(), first, account.id());
        if (flow.intro() != null) {
            turn.say(Html.escape(flow.intro().in(turn.lang())));
        }
        StepView.ask(turn, flow, d, account.name());
    }

    /** The unfinished run of this flow on this account, if any. */
    public static Optional<Dialog> openRun(Turn turn, String flowId, long accountId) {
        return Dialogs.of(turn.tx(), turn.userId()).stream()
                .filter(d -> flowId.equals(d.flow()) && d.accountId() != null && d.accountId() == accountId).findFirst();
    }

    @Override
    public void text(Turn turn, Dialog d, String text) {
        Optional<Context> c = context(turn, d);
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
        AnswerParser.Result r = AnswerParser.parse(step, text, turn.lang(), today);
        Optional<String> problem = r.ok() ? Validators.check(step.validator(), r.answer(), today)
                : Optional.of(r.problem());
        if (problem.isPresent()) {
            turn.say("⚠️ " + turn.t(problem.get(), r.ok() ? new Object[0] : r.args()));
            StepView.ask(turn, c.get().flow(), d, c.get().account().name());
            return;
        }
        accept(turn, c.get(), d, r.answer());
    }

    @Override
    public void press(Turn turn, Dialog d, DialogButton pressed) {
        Optional<Context> found = context(turn, d);
        if (found.isEmpty()) {
            return;
        }
        Context c = found.get();
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

    private void answerPress(Turn turn, Context c, Dialog d, DialogButton pressed) {
        Flow.Step step = c.step();
        if (step == null) {
            turn.say(turn.t("button.unknown"));
            return;
        }
        String op = pressed.op();
        String arg = pressed.arg();
        if (op.equals("st") && Stances.IDS.contains(arg) && "stance".equals(d.context().get("phase"))) {
            withStance(turn, c, d, arg);
        } else if (op.equals("c") && step.type() == Flow.Kind.CHOICE && step.choice(arg).isPresent()) {
            accept(turn, c, d, new Answer(arg, List.of(arg), null));
        } else if (op.equals("c") && step.type() == Flow.Kind.SCORE && arg != null && arg.matches("[1-5]")) {
            accept(turn, c, d, Answer.of(arg));
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

    private void toggle(Turn turn, Context c, Dialog d, String choiceId) {
        List<String> picked = new ArrayList<>(StepView.picked(d));
        if (!picked.remove(choiceId)) {
            picked.add(choiceId);
        }
        // Keep the written order so the stored answer reads like the list.
        List<String> ordered = c.step().choices().stream().map(Flow.Choice::id).filter(picked::contains).toList();
        Dialog next = turn.open(d.withContext("picked", String.join(",", ordered)).bumped(turn.now()));
        StepView.ask(turn, c.flow(), next, c.account().name());
    }

    private void withStance(Turn turn, Context c, Dialog d, String stance) {
        Answer partial = d.answers().get(c.step().id());
        Dialog.Person p = partial.person();
        Answer full = new Answer(partial.value(), List.of(), new Dialog.Person(p.name(), p.title(), stance));
        accept(turn, c, d.withContext("phase", null), full);
    }

    private void accept(Turn turn, Context c, Dialog d, Answer answer) {
        Flow.Step step = c.step();
        Dialog answered = d.withAnswer(step.id(), answer).withContext("picked", null);
        if (step.type() == Flow.Kind.PERSON && answer.person() != null && answer.person().stance() == null) {
            Dialog asking = turn.open(answered.withContext("phase", "stance").bumped(turn.now()));
            StepView.ask(turn, c.flow(), asking, c.account().name());
            return;
        }
        go(turn, c, answered, nextAfter(c.flow(), answered, step.id()));
    }

    /** After an edit from the summary only the steps that depend on the edited one are asked again. */
    private String nextAfter(Flow flow, Dialog d, String stepId) {
        int from = flow.indexOf(stepId);
        if (SUMMARY.equals(d.returnTo())) {
            for (int i = from + 1; i < flow.steps().size(); i++) {
                Flow.Step s = flow.steps().get(i);
                if (s.when() != null && s.when().step().equals(stepId) && applies(s, d) && !d.answers().containsKey(s.id())) {
                    return s.id();
                }
            }
            return null;
        }
        return nextApplicable(flow, d, from);
    }

    private static String nextApplicable(Flow flow, Dialog d, int from) {
        for (int i = from + 1; i < flow.steps().size(); i++) {
            if (applies(flow.steps().get(i), d)) {
                return flow.steps().get(i).id();
            }
        }
        return null;
    }

    static boolean applies(Flow.Step s, Dialog d) {
        if (s.when() == null) {
            return true;
        }
        Answer on = d == null ? null : d.answers().get(s.when().step());
        return on != null && on.ids().stream().anyMatch(s.when().in()::contains);
    }

    private void go(Turn turn, Context c, Dialog d, String next) {
        if (next == null) {
            Dialog atSummary = turn.open(d.movedTo(SUMMARY, turn.now()).returningTo(null));
            results.save(turn, c.flow(), atSummary, c.account());
            results.showSummary(turn, c.flow(), atSummary, c.account());
            return;
        }
        Dialog moved = turn.open(d.movedTo(next, turn.now()));
        StepView.ask(turn, c.flow(), moved, c.account().name());
    }

    @Override
    public void back(Turn turn, Dialog d) {
        Optional<Context> c = context(turn, d);
        if (c.isEmpty()) {
            return;
        }
        if (SUMMARY.equals(d.returnTo())) {
            go(turn, c.get(), d.withContext("phase", null), null);
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
        Optional<Context> c = context(turn, d);
        if (c.isEmpty()) {
            return;
        }
        if (c.get().step() == null) {
            turn.say(turn.t("walk.summary.use.buttons"));
            return;
        }
        Dialog skipped = d.withAnswer(c.get().step().id(), null).withContext("phase", null).withContext("picked", null);
        go(turn, c.get(), skipped, nextAfter(c.get().flow(), skipped, c.get().step().id()));
    }

    private void edit(Turn turn, Context c, Dialog d, String stepId) {
        Optional<Flow.Step> step = c.flow().step(stepId == null ? "" : stepId);
        if (c.step() != null || step.isEmpty() || !applies(step.get(), d)) {
            turn.say(turn.t("button.unknown"));
            return;
        }
        Dialog editing = turn.open(d.movedTo(stepId, turn.now()).returningTo(SUMMARY));
        StepView.ask(turn, c.flow(), editing, c.account().name());
    }

    private void finish(Turn turn, Context c, Dialog d) {
        if (c.step() != null) {
            turn.say(turn.t("button.unknown"));
            return;
        }
        turn.endDialog(d);
        turn.say(turn.t("walk.finished", Html.escape(c.flow().title().in(turn.lang())), Html.escape(c.account().name())),
                List.of(List.of(new coach.kam.conversation.Button(turn.t("btn.brief"), "brief:" + c.account().id()))));
    }

    @Override
    public void resume(Turn turn, Dialog d) {
        context(turn, d).ifPresent(c -> {
            if (c.step() == null) {
                results.showSummary(turn, c.flow(), d, c.account());
            } else {
                StepView.ask(turn, c.flow(), d, c.account().name());
            }
        });
    }

    @Override
    public String title(Turn turn, Dialog d) {
        String flow = knowledge.flow(d.flow()).map(f -> f.title().in(turn.lang())).orElse(d.flow());
        String account = d.accountId() == null ? "" : accounts.get(turn.tx(), turn.userId(), d.accountId())
                .map(a -> " · " + a.name()).orElse("");
        return Html.escape(flow + account);
    }

    @Override
    public boolean resumable() {
        return true;
    }

    /** The flow, the account and the current step (null at the summary) of a run still worth continuing. */
    private record Context(Flow flow, Account account, Flow.Step step) {
    }

    /**
     * Resolves the run; when its flow or account is gone, or its step left the flow file, it is
     * ended or moved on with a word to the rep instead of failing.
     */
    private Optional<Context> context(Turn turn, Dialog d) {
        Optional<Flow> flow = knowledge.flow(d.flow());
        Optional<Account> account = d.accountId() == null ? Optional.empty()
                : accounts.get(turn.tx(), turn.userId(), d.accountId());
        if (flow.isEmpty() || account.isEmpty()) {
            turn.endDialog(d);
            turn.say(turn.t("walk.gone"));
            return Optional.empty();
        }
        if (SUMMARY.equals(d.step())) {
            return Optional.of(new Context(flow.get(), account.get(), null));
        }
        Optional<Flow.Step> step = flow.get().step(d.step());
        if (step.isEmpty()) {
            Context moving = new Context(flow.get(), account.get(), null);
            go(turn, moving, d, nextApplicable(flow.get(), d, lastKnownIndex(flow.get(), d)));
            return Optional.empty();
        }
        return Optional.of(new Context(flow.get(), account.get(), step.get()));
    }

    private static int lastKnownIndex(Flow flow, Dialog d) {
        int at = -1;
        for (String s : d.history()) {
            at = Math.max(at, flow.indexOf(s));
        }
        return at;
    }
}
