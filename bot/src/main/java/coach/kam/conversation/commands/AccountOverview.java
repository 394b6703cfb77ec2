package coach.kam.conversation.commands;

import coach.kam.accounts.Account;
import coach.kam.accounts.Accounts;
import coach.kam.accounts.Note;
import coach.kam.conversation.Dialog;
import coach.kam.text.Html;
import coach.kam.conversation.Turn;
import coach.kam.conversation.Voice;
import coach.kam.store.Tx;
import coach.kam.flows.AccountFacts;
import coach.kam.flows.Walkthrough;
import coach.kam.knowledge.Flow;
import coach.kam.knowledge.KnowledgeBase;
import coach.kam.overview.AccountStatus;
import coach.kam.plans.Plans;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the walkthroughs and plans say about an account, in the short lines the card, the brief
 * and the review share: the tier and strategy, the class and cadence, plan progress, the profile.
 */
public final class AccountOverview {
    private final KnowledgeBase knowledge;
    private final AccountFacts facts;
    private final Plans plans;
    private final AccountStatus status;

    public AccountOverview(KnowledgeBase knowledge, Accounts accounts, AccountFacts facts, Plans plans) {
        this.knowledge = knowledge;
        this.facts = facts;
        this.plans = plans;
        this.status = new AccountStatus(knowledge, accounts, facts, plans);
    }

    /** The chat-free queries these lines are made from. */
    public AccountStatus status() {
        return status;
    }

    /** "Tier B · invest selectively", with the trend against the evaluation before. */
    public Optional<String> tierLine(Turn turn, Account a, boolean withTrend) {
        return tierLine(turn.tx(), turn.voice(), a, withTrend);
    }

    public Optional<String> tierLine(Tx tx, Voice voice, Account a, boolean withTrend) {
        List<AccountFacts.Evaluation> all = facts.evaluations(tx, a);
        Optional<Flow> flow = knowledge.flow("evaluate");
        if (all.isEmpty() || flow.isEmpty() || flow.get().scoring() == null) {
            return Optional.empty();
        }
        AccountFacts.Evaluation e = all.get(0);
        Flow.Strategy s = flow.get().scoring().strategies().get(e.strategy());
        String line = voice.t("card.tier", e.tier(), Html.escape(s == null ? e.strategy() : s.name(voice.lang())), e.score());
        if (withTrend && all.size() > 1) {
            line += "\n" + coach.kam.conversation.walk.TrendText.line(voice, flow.get(),
                    coach.kam.flows.Trends.between(all.get(1), e.tier(), e.groups()));
        }
        return Optional.of(line);
    }

    /** "Class A · contact every 7 days" */
    public Optional<String> classLine(Turn turn, Account a) {
        return classLine(turn.tx(), turn.voice(), a);
    }

    public Optional<String> classLine(Tx tx, Voice voice, Account a) {
        return facts.classification(tx, a).map(c -> voice.t("card.class",
                coach.kam.flows.Scales.classNumber(c.accountClass()), c.visitEveryDays()));
    }

    /** "JBP 7/12, 2 overdue" for each attached plan. */
    public List<String> planLines(Turn turn, Account a) {
        return planLines(turn.tx(), turn.voice(), a);
    }

    public List<String> planLines(Tx tx, Voice voice, Account a) {
        List<String> out = new ArrayList<>();
        LocalDate today = voice.now().atZone(voice.zone()).toLocalDate();
        for (Plans.Plan p : plans.all(tx, a)) {
            Plans.Kind kind = Plans.Kind.valueOf(p.kind());
            knowledge.checklist(kind.checklistId).ifPresent(c ->
                    out.add(progressLine(voice, plans.progress(tx, a, p, c, today))));
        }
        return out;
    }

    /** "JBP 7/12", and how many items are overdue when any are. */
    public static String progressLine(Voice voice, Plans.Progress p) {
        String line = voice.t("plan.progress", p.kind().shortName(voice.lang()), p.done(), p.total());
        return p.overdue() == 0 ? line : line + voice.t("plan.overdue", p.overdue());
    }

    /**
     * Each attached plan's progress line with its own items that carry a due date, an owner or a
     * note ("☐ 2026-12-18 Agree the joint targets · 👤 Li · 📝 wait for Q4 numbers"), in checklist order.
     */
    List<Map.Entry<String, List<String>>> planDetails(Tx tx, Voice voice, Account a) {
        LocalDate today = voice.now().atZone(voice.zone()).toLocalDate();
        List<Map.Entry<String, List<String>>> out = new ArrayList<>();
        for (Plans.Plan p : plans.all(tx, a)) {
            Plans.Kind kind = Plans.Kind.valueOf(p.kind());
            knowledge.checklist(kind.checklistId).ifPresent(c -> {
                java.util.Set<String> done = plans.done(tx, a, kind);
                List<String> items = new ArrayList<>();
                c.sections().stream().flatMap(part -> part.items().stream()).forEach(item -> {
                    Plans.ItemPlan ip = p.items().get(item.id());
                    if (ip != null && (ip.due() != null || ip.owner() != null || ip.note() != null)) {
                        items.add(itemLine(voice, item.text(voice.lang()), ip, done.contains(item.id()), today));
                    }
                });
                out.add(Map.entry(progressLine(voice, plans.progress(tx, a, p, c, today)), items));
            });
        }
        return out;
    }

    private static String itemLine(Voice voice, String text, Plans.ItemPlan ip, boolean ticked, LocalDate today) {
        StringBuilder line = new StringBuilder(ticked ? "☑ " : "☐ ");
        if (ip.due() != null) {
            line.append(!ticked && ip.due().isBefore(today) ? "⚠️ " : "").append(ip.due()).append(' ');
        }
        line.append(Html.escape(text));
        if (ip.owner() != null) {
            line.append(" · 👤 ").append(Html.escape(ip.owner()));
        }
        if (ip.note() != null) {
            line.append(" · 📝 ").append(Html.escape(ip.note()));
        }
        return line.toString();
    }

    /** Open plan items past their due date, over all the account's plans. */
    public int overdueItems(Turn turn, Account a) {
        return status.overdueItems(turn.tx(), a, turn.now(), turn.zone());
    }

    /** When the account was last evaluated, if ever. */
    public Optional<Instant> lastEvaluated(Turn turn, Account a) {
        return status.lastEvaluated(turn.tx(), a);
    }

    /** Whether a checklist is attached to this account as a plan (its progress then shows as a plan). */
    boolean isPlan(Turn turn, Account a, String checklistId) {
        return plans.all(turn.tx(), a).stream().anyMatch(p -> Plans.Kind.valueOf(p.kind()).checklistId.equals(checklistId));
    }

    /** {@link #dueItems}'s {@code max} for the export's form: each plan's line with its own items under it. */
    public static final int BY_PLAN = -1;

    /**
     * Open plan items with a due date, soonest first, overdue ones marked. With {@code max}
     * {@link #BY_PLAN}: every attached plan's progress line ("- JBP 0/12") followed by its own items
     * that have a due date, an owner or a note ("  - ☐ 2026-03-20 … · 📝 …"), as report.md lists them.
     */
    public List<String> dueItems(Turn turn, Account a, int max) {
        return dueItems(turn.tx(), turn.voice(), a, max);
    }

    public List<String> dueItems(Tx tx, Voice voice, Account a, int max) {
        if (max == BY_PLAN) {
            List<String> out = new ArrayList<>();
            for (Map.Entry<String, List<String>> p : planDetails(tx, voice, a)) {
                out.add("- " + p.getKey());
                p.getValue().forEach(item -> out.add("  - " + item));
            }
            return out;
        }
        LocalDate today = voice.now().atZone(voice.zone()).toLocalDate();
        List<String> out = new ArrayList<>();
        for (Plans.Plan p : plans.all(tx, a)) {
            Plans.Kind kind = Plans.Kind.valueOf(p.kind());
            knowledge.checklist(kind.checklistId).ifPresent(c -> plans.openWithDates(tx, a, p, c).forEach(e ->
                    out.add((e.getValue().due().isBefore(today) ? "⚠️ " : "• ") + e.getValue().due() + " "
                            + Html.escape(e.getKey().text(voice.lang()))
                            + (e.getValue().owner() == null ? "" : " · 👤 " + Html.escape(e.getValue().owner())))));
        }
        return out.stream().sorted((x, y) -> x.startsWith("⚠️") == y.startsWith("⚠️") ? 0 : x.startsWith("⚠️") ? -1 : 1)
                .limit(max).toList();
    }

    /** The profile in a few lines: who they are and who decides. */
    public List<String> profileLines(Turn turn, Account a) {
        Optional<Flow> profile = knowledge.flow("profile");
        if (profile.isEmpty()) {
            return List.of();
        }
        AccountFacts.Fields fields = facts.fields(turn.tx(), a);
        List<String> basics = new ArrayList<>();
        List<String> out = new ArrayList<>();
        for (Flow.Step s : profile.get().steps()) {
            AccountFacts.Field f = fields.fields().get(s.field());
            if (f == null) {
                continue;
            }
            String value = coach.kam.flows.AnswerView.text(s, f.answer(), turn.lang());
            switch (s.type()) {
                case CHOICE -> basics.add(value);
                case PERSON -> out.add(turn.t("brief.person." + (s.role() == null ? "other" : s.role()), value));
                default -> { }
            }
        }
        if (!basics.isEmpty()) {
            out.add(0, String.join(" · ", basics));
        }
        return out;
    }

    /**
     * What /needs found under its problem and impact questions: "问题:供货不稳" lines, in the order of
     * the question bank.
     */
    public List<String> painLines(Turn turn, Account a) {
        Optional<Flow> needs = knowledge.flow("needs");
        if (needs.isEmpty()) {
            return List.of();
        }
        AccountFacts.Fields fields = facts.fields(turn.tx(), a);
        List<String> out = new ArrayList<>();
        for (Flow.Step s : needs.get().steps()) {
            AccountFacts.Field f = fields.fields().get(s.field());
            boolean pain = s.id().startsWith("problem-") || s.id().startsWith("implication-");
            if (f != null && pain) {
                String group = s.group() == null ? "" : Html.escape(s.group().in(turn.lang())) + ": ";
                out.add("• " + group + Html.escape(Html.shorten(
                        Html.toPlain(coach.kam.flows.AnswerView.text(s, f.answer(), turn.lang())), 120)));
            }
        }
        return out;
    }

    /** Needs questions not yet asked of this account, in the order of the question bank. */
    public List<String> nextQuestions(Turn turn, Account a, int max) {
        Optional<Flow> needs = knowledge.flow("needs");
        if (needs.isEmpty()) {
            return List.of();
        }
        AccountFacts.Fields fields = facts.fields(turn.tx(), a);
        return needs.get().steps().stream().filter(s -> !fields.fields().containsKey(s.field()))
                .limit(max).map(s -> Html.escape(s.prompt().in(turn.lang()))).toList();
    }

    /** When the rep last recorded anything about the account (a note, a visit, a logged objection). */
    public Optional<Instant> lastContact(Turn turn, Account a) {
        return status.lastContact(turn.tx(), a);
    }

    /** Days between contacts the account should get: from its class, else from its tier's class. */
    public Optional<Integer> cadenceDays(Turn turn, Account a) {
        return status.cadenceDays(turn.tx(), a);
    }

    /** Days past the cadence (positive when overdue), if the account has a cadence. */
    public Optional<Long> daysPastCadence(Turn turn, Account a) {
        return status.daysPastCadence(turn.tx(), a, turn.now());
    }

    /** The tier letter, or the class letter, or "–". */
    public String tierOrClass(Turn turn, Account a) {
        return status.tierOrClass(turn.tx(), a);
    }

    /** Both scales, kept apart: "🏅B 🗂1", "🏅B", "🗂1", or "–" when the account has neither. */
    public String scaleMarks(Turn turn, Account a) {
        return status.scaleMarks(turn.tx(), a);
    }

    /** Unfinished walkthroughs on this account. */
    public List<Dialog> openRuns(Turn turn, Account a) {
        return coach.kam.conversation.Dialogs.of(turn.tx(), turn.userId()).stream()
                .filter(d -> Walkthrough.KIND.equals(d.kind()) && d.accountId() != null && d.accountId() == a.id()).toList();
    }

    /** Forgets what walkthroughs and plans kept about an account being deleted. */
    void forget(Turn turn, Account a) {
        facts.clear(turn.tx(), a);
        plans.clear(turn.tx(), a);
        openRuns(turn, a).forEach(turn::endDialog);
    }
}
