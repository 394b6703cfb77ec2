package coach.kam.plans;

import coach.kam.accounts.Account;
import coach.kam.accounts.ChecklistProgress;
import coach.kam.knowledge.Checklist;
import coach.kam.store.Keys;
import coach.kam.store.Table;
import coach.kam.store.Tx;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checklists attached to an account as plans. Ticks stay in {@link ChecklistProgress} (so ticks
 * made before a plan was attached carry over); a plan adds an owner, a due date and a note per item.
 */
public final class Plans {
    /** The checklists that can become plans, with the short names a card has room for. */
    public enum Kind {
        L2C("lead-to-cash", "L2C", "回款"),
        JBP("joint-business-plan", "JBP", "JBP"),
        UP5("uplift-five-steps", "5 steps", "五步"),
        ACT("action-plan", "Action plan", "行动计划");

        public final String checklistId;
        private final String shortEn;
        private final String shortZh;

        Kind(String checklistId, String shortEn, String shortZh) {
            this.checklistId = checklistId;
            this.shortEn = shortEn;
            this.shortZh = shortZh;
        }

        public String shortName(String lang) {
            return "zh".equals(lang) ? shortZh : shortEn;
        }

        public static Optional<Kind> of(String code) {
            for (Kind k : values()) {
                if (k.name().equalsIgnoreCase(code) || k.checklistId.equals(code)) {
                    return Optional.of(k);
                }
            }
            return Optional.empty();
        }
    }

    /** What a plan adds to one checklist item: an owner, a due date, a note, and numbers from where to where. */
    public record ItemPlan(String owner, LocalDate due, String note, Figures figures) {
        public static final ItemPlan EMPTY = new ItemPlan(null, null, null, null);

        public ItemPlan(String owner, LocalDate due, String note) {
            this(owner, due, note, null);
        }

        public ItemPlan withOwner(String o) {
            return new ItemPlan(o, due, note, figures);
        }

        public ItemPlan withDue(LocalDate d) {
            return new ItemPlan(owner, d, note, figures);
        }

        public ItemPlan withNote(String n) {
            return new ItemPlan(owner, due, n, figures);
        }

        public ItemPlan withFigures(Figures f) {
            return new ItemPlan(owner, due, note, f);
        }
    }

    /** A checklist attached to an account. */
    public record Plan(String kind, Instant attachedAt, Map<String, ItemPlan> items) {
        public Plan {
            items = items == null ? Map.of() : Map.copyOf(items);
        }

        public ItemPlan item(String itemId) {
            return items.getOrDefault(itemId, ItemPlan.EMPTY);
        }
    }

    /** How far a plan is: items done, items in all, and open items past their due date. */
    public record Progress(Kind kind, int done, int total, int overdue) {
    }

    private static final Table<Plan> PLANS = Table.owned("plans", Plan.class);

    /** The tables kept here, for the program's catalogue ({@code coach.kam.Catalogue}). */
    public static final List<Table<?>> TABLES = List.of(PLANS);
    private final ChecklistProgress ticks = new ChecklistProgress();

    public Plan attach(Tx tx, Account a, Kind kind, Instant now) {
        Optional<Plan> existing = get(tx, a, kind);
        if (existing.isPresent()) {
            return existing.get();
        }
        Plan plan = new Plan(kind.name(), now, Map.of());
        tx.put(PLANS, key(a, kind), plan);
        return plan;
    }

    public Optional<Plan> get(Tx tx, Account a, Kind kind) {
        return tx.get(PLANS, key(a, kind));
    }

    public List<Plan> all(Tx tx, Account a) {
        return tx.withPrefix(PLANS, Keys.under(a.ownerId(), a.id()));
    }

    public void update(Tx tx, Account a, Kind kind, String itemId, ItemPlan item) {
        Plan plan = attach(tx, a, kind, Instant.EPOCH);
        Map<String, ItemPlan> items = new LinkedHashMap<>(plan.items());
        items.put(itemId, item);
        tx.put(PLANS, key(a, kind), new Plan(plan.kind(), plan.attachedAt(), items));
    }

    public Set<String> done(Tx tx, Account a, Kind kind) {
        return ticks.done(tx, a, kind.checklistId);
    }

    public boolean toggle(Tx tx, Account a, Kind kind, String itemId) {
        return ticks.toggle(tx, a, kind.checklistId, itemId);
    }

    public Progress progress(Tx tx, Account a, Plan plan, Checklist checklist, LocalDate today) {
        Kind kind = Kind.valueOf(plan.kind());
        Set<String> done = done(tx, a, kind);
        int total = 0;
        int ticked = 0;
        int overdue = 0;
        for (Checklist.Part part : checklist.sections()) {
            for (Checklist.Item item : part.items()) {
                total++;
                if (done.contains(item.id())) {
                    ticked++;
                } else if (plan.item(item.id()).due() != null && plan.item(item.id()).due().isBefore(today)) {
                    overdue++;
                }
            }
        }
        return new Progress(kind, ticked, total, overdue);
    }

    /** Open items with a due date, soonest first, as (item, plan item) pairs. */
    public List<Map.Entry<Checklist.Item, ItemPlan>> openWithDates(Tx tx, Account a, Plan plan, Checklist checklist) {
        Set<String> done = done(tx, a, Kind.valueOf(plan.kind()));
        List<Map.Entry<Checklist.Item, ItemPlan>> out = new ArrayList<>();
        checklist.sections().forEach(part -> part.items().forEach(item -> {
            ItemPlan p = plan.item(item.id());
            if (!done.contains(item.id()) && p.due() != null) {
                out.add(Map.entry(item, p));
            }
        }));
        out.sort(Map.Entry.comparingByValue(java.util.Comparator.comparing(ItemPlan::due)));
        return out;
    }

    public void clear(Tx tx, Account a) {
        for (Kind k : Kind.values()) {
            tx.delete(PLANS, key(a, k));
        }
    }

    private static String key(Account a, Kind kind) {
        return Keys.of(a.ownerId(), a.id(), kind);
    }
}
