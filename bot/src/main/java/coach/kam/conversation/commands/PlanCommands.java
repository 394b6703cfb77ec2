package coach.kam.conversation.commands;

import coach.kam.accounts.Account;
import coach.kam.accounts.Accounts;
import coach.kam.conversation.Button;
import coach.kam.conversation.Conversation;
import coach.kam.text.Html;
import coach.kam.conversation.Turn;
import coach.kam.conversation.buttons.Kind;
import coach.kam.conversation.buttons.Owned;
import coach.kam.conversation.buttons.PlanButtons;
import coach.kam.flows.Dates;
import coach.kam.knowledge.Checklist;
import coach.kam.knowledge.KnowledgeBase;
import coach.kam.plans.Figures;
import coach.kam.plans.Plans;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * /plan: attaches lead to cash, the joint business plan, the five uplift steps or the action plan
 * to an account, and lets each item get a tick, an owner, a due date and a note.
 */
public final class PlanCommands {
    private static final int MAX_FIELD = 200;
    private final KnowledgeBase knowledge;
    private final Accounts accounts;
    private final Plans plans;

    private java.util.function.Consumer<Turn> export = turn -> { };
    private java.util.function.Consumer<Turn> course;

    /** What "/plan" alone does: the plan after the course over the chosen accounts. */
    public PlanCommands courseWith(java.util.function.Consumer<Turn> action) {
        this.course = action;
        return this;
    }

    /** What "/plan export" does (the one-page plan document). */
    public PlanCommands exportWith(java.util.function.Consumer<Turn> action) {
        this.export = action;
        return this;
    }

    public PlanCommands(KnowledgeBase knowledge, Accounts accounts, Plans plans) {
        this.knowledge = knowledge;
        this.accounts = accounts;
        this.plans = plans;
    }

    /** An item of a plan on an account, as a button names it. */
    private record Ref(Account account, Plans.Kind kind, Checklist checklist, int index, Checklist.Item item) {
        PlanButtons.Place place() {
            return new PlanButtons.Place(account.id(), kind.name(), index);
        }

        Button button(String label, Kind<PlanButtons.Place> kind) {
            return kind.button(label, place());
        }
    }

    private static final Map<String, Kind<PlanButtons.Place>> FIELDS = Map.of("owner", PlanButtons.OWNER,
            "due", PlanButtons.DUE, "note", PlanButtons.NOTE, "figures", PlanButtons.FIGURES);

    public void register(Conversation.Builder b) {
        b.command("plan", this::command);
        Owned owned = new Owned(accounts);
        b.button(PlanButtons.CHOOSE, owned.account(this::choosePlan));
        b.button(PlanButtons.SECTION, owned.account((turn, p, a) -> section(turn, a, p)
                .ifPresent(r -> showSection(turn, r.account(), r.kind(), r.index()))));
        b.button(PlanButtons.ITEM, owned.account((turn, p, a) -> item(turn, a, p).ifPresent(r -> showItem(turn, r))));
        b.button(PlanButtons.TICK, owned.account((turn, p, a) -> item(turn, a, p).ifPresent(r -> {
            plans.toggle(turn.tx(), r.account(), r.kind(), r.item().id());
            showItem(turn, r);
        })));
        for (String field : List.of("owner", "due", "note", "figures")) {
            b.button(FIELDS.get(field), owned.account((turn, p, a) -> item(turn, a, p).ifPresent(r -> {
                turn.await("plan-" + field, PlanButtons.ITEM.fieldsOf(r.place()));
                turn.say(turn.t("plan.ask." + field, Html.escape(r.item().text(turn.lang()))));
            })));
            b.waitingFor("plan-" + field, (turn, text, arg) -> setField(turn, field, text, arg));
        }
    }

    private void command(Turn turn, String args) {
        if (args.strip().equalsIgnoreCase("export") || args.strip().equals("导出")) {
            export.accept(turn);
            return;
        }
        if (args.isBlank() && course != null) {
            course.accept(turn);
            return;
        }
        List<Account> candidates;
        if (args.isBlank() && turn.session().openAccountId() != null) {
            candidates = accounts.get(turn.tx(), turn.userId(), turn.session().openAccountId()).stream().toList();
        } else {
            candidates = args.isBlank() ? accounts.list(turn.tx(), turn.userId()) : accounts.find(turn.tx(), turn.userId(), args);
        }
        if (candidates.size() == 1) {
            offerPlans(turn, candidates.get(0));
        } else if (candidates.isEmpty()) {
            turn.say(args.isBlank() ? turn.t("accounts.none") : turn.t("accounts.nomatch", Html.escape(args)));
        } else {
            List<List<Button>> rows = new ArrayList<>();
            candidates.stream().limit(20).forEach(a -> rows.add(List.of(PlanButtons.CHOOSE.button(a.name(), new PlanButtons.Choose(a.id(), null)))));
            turn.say(turn.t("plan.which.account"), rows);
        }
    }

    private void offerPlans(Turn turn, Account a) {
        List<List<Button>> rows = new ArrayList<>();
        for (Plans.Kind k : Plans.Kind.values()) {
            knowledge.checklist(k.checklistId).ifPresent(c -> {
                boolean attached = plans.get(turn.tx(), a, k).isPresent();
                rows.add(List.of(PlanButtons.CHOOSE.button((attached ? "📋 " : "➕ ") + c.title(turn.lang()),
                        new PlanButtons.Choose(a.id(), k.name()))));
            });
        }
        turn.say(turn.t("plan.which", Html.escape(a.name())), rows);
    }

    private void choosePlan(Turn turn, PlanButtons.Choose pressed, Account account) {
        Optional<Account> a = Optional.of(account);
        if (pressed.kind() == null) {
            offerPlans(turn, a.get());
            return;
        }
        Optional<Plans.Kind> kind = Plans.Kind.of(pressed.kind());
        if (kind.isEmpty() || knowledge.checklist(kind.get().checklistId).isEmpty()) {
            turn.say(turn.t("button.unknown"));
            return;
        }
        plans.attach(turn.tx(), a.get(), kind.get(), turn.now());
        showPlan(turn, a.get(), kind.get());
    }

    private void showPlan(Turn turn, Account a, Plans.Kind kind) {
        Checklist c = knowledge.checklist(kind.checklistId).orElseThrow();
        Plans.Plan plan = plans.get(turn.tx(), a, kind).orElseThrow();
        Plans.Progress p = plans.progress(turn.tx(), a, plan, c, today(turn));
        Set<String> done = plans.done(turn.tx(), a, kind);
        StringBuilder out = new StringBuilder(turn.t("plan.title", Html.escape(c.title(turn.lang())), Html.escape(a.name())));
        out.append('\n').append(AccountOverview.progressLine(turn.voice(), p));
        c.sections().forEach(part -> part.items().forEach(item -> {
            Plans.ItemPlan ip = plan.item(item.id());
            if (ip.figures() != null) {
                out.append('\n').append(PlanFigureText.line(turn, ip.figures(), item.text(turn.lang())));
            }
        }));
        List<List<Button>> rows = new ArrayList<>();
        for (int s = 0; s < c.sections().size(); s++) {
            Checklist.Part part = c.sections().get(s);
            long ticked = part.items().stream().filter(i -> done.contains(i.id())).count();
            rows.add(List.of(PlanButtons.SECTION.button(part.title(turn.lang()) + " " + ticked + "/" + part.items().size(),
                    new PlanButtons.Place(a.id(), kind.name(), s))));
        }
        turn.say(out.toString(), rows);
    }

    private void showSection(Turn turn, Account a, Plans.Kind kind, int section) {
        Checklist c = knowledge.checklist(kind.checklistId).orElseThrow();
        Plans.Plan plan = plans.attach(turn.tx(), a, kind, turn.now());
        Set<String> done = plans.done(turn.tx(), a, kind);
        Checklist.Part part = c.sections().get(section);
        int first = 0;
        for (int s = 0; s < section; s++) {
            first += c.sections().get(s).items().size();
        }
        StringBuilder out = new StringBuilder("<b>" + Html.escape(c.title(turn.lang())) + " · "
                + Html.escape(part.title(turn.lang())) + "</b>");
        List<List<Button>> rows = new ArrayList<>();
        for (int i = 0; i < part.items().size(); i++) {
            Checklist.Item item = part.items().get(i);
            boolean ticked = done.contains(item.id());
            out.append('\n').append(ticked ? "✅ " : "⬜ ").append(Html.escape(item.text(turn.lang())))
                    .append(details(turn, plan.item(item.id())));
            rows.add(List.of(PlanButtons.ITEM.button((ticked ? "✅ " : "⬜ ") + item.text(turn.lang()),
                    new PlanButtons.Place(a.id(), kind.name(), first + i))));
        }
        rows.add(List.of(PlanButtons.CHOOSE.button(turn.t("btn.back.checklist"), new PlanButtons.Choose(a.id(), kind.name()))));
        turn.say(out.toString(), rows);
    }

    private void showItem(Turn turn, Ref r) {
        Plans.ItemPlan p = plans.get(turn.tx(), r.account(), r.kind()).map(x -> x.item(r.item().id()))
                .orElse(Plans.ItemPlan.EMPTY);
        boolean ticked = plans.done(turn.tx(), r.account(), r.kind()).contains(r.item().id());
        String text = (ticked ? "✅ " : "⬜ ") + "<b>" + Html.escape(r.item().text(turn.lang())) + "</b>"
                + details(turn, p) + (p.note() == null ? "" : "\n📝 " + Html.escape(p.note()))
                + (p.figures() == null ? "" : "\n" + PlanFigureText.line(turn, p.figures(), r.item().text(turn.lang())));
        turn.say(text, List.of(
                List.of(r.button(turn.t(ticked ? "plan.btn.untick" : "plan.btn.tick"), PlanButtons.TICK),
                        r.button(turn.t("plan.btn.owner"), PlanButtons.OWNER)),
                List.of(r.button(turn.t("plan.btn.due"), PlanButtons.DUE), r.button(turn.t("plan.btn.note"), PlanButtons.NOTE)),
                List.of(r.button(turn.t("plan.btn.figures"), PlanButtons.FIGURES)),
                List.of(PlanButtons.SECTION.button(turn.t("btn.back.checklist"), new PlanButtons.Place(r.account().id(),
                        r.kind().name(), sectionOf(r.checklist(), r.index()))))));
    }

    private static String details(Turn turn, Plans.ItemPlan p) {
        StringBuilder out = new StringBuilder();
        if (p.owner() != null) {
            out.append(" · 👤 ").append(Html.escape(p.owner()));
        }
        if (p.due() != null) {
            boolean late = p.due().isBefore(today(turn));
            out.append(" · 📅 ").append(p.due()).append(late ? " ⚠️" : "");
        }
        return out.toString();
    }

    private void setField(Turn turn, String field, String text, String arg) {
        Optional<PlanButtons.Place> kept = PlanButtons.ITEM.decodeFields(arg);
        Optional<Account> a = kept.isPresent() ? new Owned(accounts).account(turn, kept.get().accountId()) : Optional.empty();
        Optional<Ref> r = a.flatMap(x -> item(turn, x, kept.get()));
        if (r.isEmpty()) {
            return;
        }
        String value = text.strip();
        if (value.length() > MAX_FIELD) {
            turn.say(turn.t("walk.bad.long", MAX_FIELD));
            turn.await("plan-" + field, arg);
            return;
        }
        Plans.ItemPlan old = plans.get(turn.tx(), r.get().account(), r.get().kind())
                .map(p -> p.item(r.get().item().id())).orElse(Plans.ItemPlan.EMPTY);
        Plans.ItemPlan changed;
        if (field.equals("due")) {
            Optional<LocalDate> due = Dates.parse(value, today(turn));
            if (due.isEmpty()) {
                turn.say(turn.t("walk.bad.date"));
                turn.await("plan-due", arg);
                return;
            }
            changed = old.withDue(due.get());
        } else if (field.equals("figures")) {
            Optional<Figures> f = Figures.read(value, old.figures(), coach.kam.flows.Money::parse);
            if (f.isEmpty()) {
                turn.say(turn.t(old.figures() == null ? "plan.bad.figures" : "plan.bad.figures.now"));
                turn.await("plan-figures", arg);
                return;
            }
            changed = old.withFigures(f.get());
        } else if (field.equals("owner")) {
            changed = old.withOwner(value);
        } else {
            changed = old.withNote(value);
        }
        plans.update(turn.tx(), r.get().account(), r.get().kind(), r.get().item().id(), changed);
        showItem(turn, r.get());
    }

    /** A section of the account's plan a press names; a plan kind or section that is not there is unknown. */
    private Optional<Ref> section(Turn turn, Account a, PlanButtons.Place p) {
        Optional<Plans.Kind> kind = Plans.Kind.of(p.kind());
        Optional<Checklist> c = kind.flatMap(k -> knowledge.checklist(k.checklistId));
        if (c.isEmpty() || p.index() >= c.get().sections().size()) {
            turn.say(turn.t("button.unknown"));
            return Optional.empty();
        }
        return Optional.of(new Ref(a, kind.get(), c.get(), p.index(), null));
    }

    /** An item of the account's plan a press names, by its place in the whole checklist. */
    private Optional<Ref> item(Turn turn, Account a, PlanButtons.Place p) {
        Optional<Plans.Kind> kind = Plans.Kind.of(p.kind());
        Optional<Checklist> c = kind.flatMap(k -> knowledge.checklist(k.checklistId));
        List<Checklist.Item> all = c.map(x -> x.sections().stream().flatMap(s -> s.items().stream()).toList())
                .orElse(List.of());
        if (p.index() >= all.size()) {
            turn.say(turn.t("button.unknown"));
            return Optional.empty();
        }
        return Optional.of(new Ref(a, kind.get(), c.get(), p.index(), all.get(p.index())));
    }

    private static int sectionOf(Checklist c, int index) {
        int left = index;
        for (int s = 0; s < c.sections().size(); s++) {
            left -= c.sections().get(s).items().size();
            if (left < 0) {
                return s;
            }
        }
        return 0;
    }

    static LocalDate today(Turn turn) {
        return turn.now().atZone(turn.zone()).toLocalDate();
    }
}
