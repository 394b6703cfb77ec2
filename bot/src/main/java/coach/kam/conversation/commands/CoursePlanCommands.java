package coach.kam.conversation.commands;

import coach.kam.accounts.Account;
import coach.kam.accounts.Accounts;
import coach.kam.conversation.Button;
import coach.kam.conversation.Conversation;
import coach.kam.text.Html;
import coach.kam.conversation.Turn;
import coach.kam.conversation.buttons.Owned;
import coach.kam.conversation.buttons.WorkButtons;
import coach.kam.deals.DealLine;
import coach.kam.plans.CoursePlans;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * "/plan" alone: the plan after the course. The rep picks 3 to 5 accounts by tapping them (an open
 * account is offered, never added by itself); each gets a profile at 30 days, needs at 60 and an
 * evaluation at 90, each a reminder on its day, and actions of the rep's own ("60 天 带技术团队上门").
 * Finishing the walkthrough ticks its action.
 */
public final class CoursePlanCommands {
    private static final LocalTime REMIND_AT = LocalTime.of(9, 0);
    private final Accounts accounts;
    private final Owned owned;
    private final CoursePlans plans;
    private final DealLine.Readers readers;

    public CoursePlanCommands(Accounts accounts, CoursePlans plans, DealLine.Readers readers) {
        this.accounts = accounts;
        this.owned = new Owned(accounts);
        this.plans = plans;
        this.readers = readers;
    }

    public void register(Conversation.Builder b) {
        b.button(WorkButtons.COURSE_PLAN, this::pressed);
        b.waitingFor("course-item", this::typedItem);
    }

    /** The plan with its buttons. */
    public void show(Turn turn) {
        turn.say(text(turn), buttons(turn));
    }

    /** "🎯 课后计划:2/3 项完成,下一项 2027-01-02" on the account card; empty when the account is not in the plan. */
    public Optional<String> cardLine(Turn turn, Account a) {
        CoursePlans.CoursePlan p = plans.get(turn.tx(), turn.userId());
        if (!p.accounts().contains(a.id())) {
            return Optional.empty();
        }
        List<CoursePlans.Action> mine = p.of(a.id());
        long done = mine.stream().filter(CoursePlans.Action::done).count();
        Optional<CoursePlans.Action> next = mine.stream().filter(x -> !x.done())
                .min(java.util.Comparator.comparing(CoursePlans.Action::due));
        return Optional.of(turn.t("course.card", done, mine.size())
                + next.map(x -> turn.t("course.card.next", actionText(turn, x), x.due().toString())).orElse(""));
    }

    private String text(Turn turn) {
        CoursePlans.CoursePlan p = plans.get(turn.tx(), turn.userId());
        StringBuilder out = new StringBuilder(turn.t("course.title", p.accounts().size(), CoursePlans.MAX_ACCOUNTS));
        if (p.accounts().size() < CoursePlans.MIN_ACCOUNTS) {
            out.append('\n').append(turn.t("course.pick", CoursePlans.MIN_ACCOUNTS, CoursePlans.MAX_ACCOUNTS));
        }
        LocalDate today = today(turn);
        for (long id : p.accounts()) {
            String name = accounts.get(turn.tx(), turn.userId(), id).map(Account::name).orElse("—");
            out.append("\n\n<b>").append(Html.escape(name)).append("</b>");
            for (CoursePlans.Action x : p.of(id)) {
                out.append('\n').append(x.done() ? "✅ " : "⬜ ").append(turn.t("course.days", x.days())).append(" · ")
                        .append(x.due()).append(!x.done() && x.due().isBefore(today) ? " ⚠️" : "").append(" · ")
                        .append(Html.escape(actionText(turn, x)));
            }
        }
        return out.toString();
    }

    private String actionText(Turn turn, CoursePlans.Action x) {
        return x.step() != null ? turn.t("course.step." + x.step()) : x.text();
    }

    private List<List<Button>> buttons(Turn turn) {
        CoursePlans.CoursePlan p = plans.get(turn.tx(), turn.userId());
        List<List<Button>> rows = new ArrayList<>();
        for (long id : p.accounts()) {
            String name = Html.shorten(accounts.get(turn.tx(), turn.userId(), id).map(Account::name).orElse("—"), 16);
            rows.add(List.of(WorkButtons.COURSE_PLAN.button(turn.t("course.btn.item", name), WorkButtons.Step.of("c", id)),
                    WorkButtons.COURSE_PLAN.button(turn.t("course.btn.detach", name), WorkButtons.Step.of("d", id))));
        }
        List<Button> last = new ArrayList<>();
        if (p.actions().stream().anyMatch(x -> !x.done())) {
            last.add(WorkButtons.COURSE_PLAN.button(turn.t("course.btn.tick"), WorkButtons.Step.of("t")));
        }
        if (p.accounts().size() < CoursePlans.MAX_ACCOUNTS) {
            Long open = turn.session().openAccountId();
            Optional<Account> openAccount = open == null || p.accounts().contains(open) ? Optional.empty()
                    : accounts.get(turn.tx(), turn.userId(), open);
            openAccount.ifPresent(a -> rows.add(List.of(WorkButtons.COURSE_PLAN.button(turn.t("course.btn.add.open",
                    Html.shorten(a.name(), 20)), WorkButtons.Step.of("a", a.id())))));
            last.add(WorkButtons.COURSE_PLAN.button(turn.t("course.btn.add"), WorkButtons.Step.of("p")));
        }
        if (!last.isEmpty()) {
            rows.add(last);
        }
        return rows;
    }

    /** cp:p (pick accounts), cp:a:ACCOUNT (add), cp:d:ACCOUNT (take out), cp:c:ACCOUNT (own action), cp:t, cp:x:ACTION. */
    private void pressed(Turn turn, WorkButtons.Step step) {
        String what = step.op();
        Optional<Long> id = Optional.ofNullable(step.id());
        switch (what) {
            case "p" -> pick(turn);
            case "t" -> offerTicks(turn);
            case "a", "d", "c" -> {
                Optional<Account> a = id.isEmpty() ? Optional.empty() : owned.account(turn, id.get());
                if (a.isEmpty()) {
                    if (id.isEmpty()) {
                        turn.say(turn.t("accounts.gone"));
                    }
                } else if (what.equals("a")) {
                    attach(turn, a.get());
                } else if (what.equals("d")) {
                    plans.detach(turn.tx(), turn.userId(), a.get().id());
                    turn.say(turn.t("course.detached", Html.escape(a.get().name())) + "\n\n" + text(turn), buttons(turn));
                } else {
                    turn.await("course-item", Long.toString(a.get().id()));
                    turn.say(turn.t("course.ask.item", Html.escape(a.get().name())));
                }
            }
            case "x" -> {
                if (id.isEmpty() || plans.toggle(turn.tx(), turn.userId(), id.get()).isEmpty()) {
                    turn.say(turn.t("button.unknown"));
                } else {
                    show(turn);
                }
            }
            default -> turn.say(turn.t("button.unknown"));
        }
    }

    private void pick(Turn turn) {
        CoursePlans.CoursePlan p = plans.get(turn.tx(), turn.userId());
        List<List<Button>> rows = new ArrayList<>();
        accounts.list(turn.tx(), turn.userId()).stream().filter(a -> !p.accounts().contains(a.id())).limit(20)
                .forEach(a -> rows.add(List.of(WorkButtons.COURSE_PLAN.button(Html.shorten(a.name(), 40), WorkButtons.Step.of("a", a.id())))));
        turn.say(rows.isEmpty() ? turn.t("course.none.left") : turn.t("course.which"), rows);
    }

    private void attach(Turn turn, Account a) {
        if (plans.attach(turn.tx(), a, today(turn), wording(turn), turn.now())) {
            turn.say(turn.t("course.attached", Html.escape(a.name())) + "\n\n" + text(turn), buttons(turn));
        } else {
            boolean in = plans.get(turn.tx(), turn.userId()).accounts().contains(a.id());
            turn.say(turn.t(in ? "course.already" : "course.full", Html.escape(a.name()), CoursePlans.MAX_ACCOUNTS),
                    buttons(turn));
        }
    }

    private void offerTicks(Turn turn) {
        CoursePlans.CoursePlan p = plans.get(turn.tx(), turn.userId());
        List<List<Button>> rows = new ArrayList<>();
        for (CoursePlans.Action x : p.actions()) {
            String name = accounts.get(turn.tx(), turn.userId(), x.accountId()).map(Account::name).orElse("—");
            rows.add(List.of(WorkButtons.COURSE_PLAN.button((x.done() ? "✅ " : "⬜ ") + Html.shorten(name, 12) + " · "
                    + Html.shorten(actionText(turn, x), 28), WorkButtons.Step.of("x", x.id()))));
        }
        turn.say(turn.t("course.tick.which"), rows);
    }

    private void typedItem(Turn turn, String typed, String accountId) {
        Optional<Account> a = owned.account(turn, accountId);
        if (a.isEmpty()) {
            return;
        }
        Optional<Item> item = read(typed, today(turn), readers);
        if (item.isEmpty()) {
            turn.await("course-item", accountId);
            turn.say(turn.t("course.ask.item", Html.escape(a.get().name())));
            return;
        }
        Optional<CoursePlans.Action> added = plans.add(turn.tx(), a.get(), item.get().text(), item.get().due(),
                item.get().days(), wording(turn), turn.now());
        turn.say(added.isPresent() ? turn.t("course.item.added") + "\n\n" + text(turn) : turn.t("course.item.full"),
                buttons(turn));
    }

    /** An action typed on one line: "60 天 带技术团队上门", "30 days: call the buyer", "下周五 约采购总监". */
    record Item(String text, LocalDate due, int days) {
    }

    static Optional<Item> read(String typed, LocalDate today, DealLine.Readers readers) {
        String t = typed == null ? "" : typed.strip();
        t = t.length() > DealLine.MAX_CHARS ? t.substring(0, DealLine.MAX_CHARS) : t;
        for (int days : CoursePlans.HORIZONS) {
            for (String head : List.of(days + " 天", days + "天", days + " days", days + " day", days + "d", days + " ")) {
                if (t.toLowerCase(java.util.Locale.ROOT).startsWith(head)) {
                    String rest = t.substring(head.length()).replaceFirst("^[\\s:：,，]+", "");
                    return rest.isBlank() ? Optional.empty() : Optional.of(new Item(rest, today.plusDays(days), days));
                }
            }
        }
        DealLine.Step step = DealLine.nextStep(t, today, readers);
        if (step.text().isBlank() || step.date() == null || !step.date().isAfter(today)) {
            return Optional.empty();
        }
        LocalDate due = step.date();
        long in = java.time.temporal.ChronoUnit.DAYS.between(today, due);
        int days = in <= 30 ? 30 : in <= 60 ? 60 : 90;
        return Optional.of(new Item(step.text(), due, days));
    }

    /** Whether a typed action reads with a text and a day (for the examples the prompt shows). */
    public static boolean readForTest(String typed, LocalDate today, DealLine.Readers readers) {
        return read(typed, today, readers).filter(i -> !i.text().isBlank() && i.due().isAfter(today)).isPresent();
    }

    private CoursePlans.Wording wording(Turn turn) {
        return new CoursePlans.Wording() {
            @Override
            public String step(String step) {
                return turn.t("course.step." + step);
            }

            @Override
            public Instant at(LocalDate day) {
                return day.atTime(REMIND_AT).atZone(turn.zone()).toInstant();
            }
        };
    }

    private static LocalDate today(Turn turn) {
        return turn.now().atZone(turn.zone()).toLocalDate();
    }
}
