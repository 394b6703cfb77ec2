package coach.kam.conversation.buttons;

import java.util.List;

/** Buttons on an account's plans: choose one, a section, an item and its tick, owner, due date, note and figures. */
public final class PlanButtons {
    private static final int MAX_KIND = 8;
    private static final int MAX_INDEX = 999;

    private PlanButtons() {
    }

    /** The plans of an account, or one of them ({@code kind} null offers the choice). */
    public record Choose(long accountId, String kind) implements AccountRef {
    }

    /** A section of an account's plan, or an item by its place in the whole checklist. */
    public record Place(long accountId, String kind, int index) implements AccountRef {
    }

    public static final Kind<Choose> CHOOSE = Kind.of("plan", Choose.class, c -> Kind.fields(c.accountId(), c.kind()),
            f -> new Choose(f.id(), f.more() ? f.word(MAX_KIND) : null));
    public static final Kind<Place> SECTION = place("pls");
    public static final Kind<Place> ITEM = place("pli");
    public static final Kind<Place> TICK = place("plt");
    public static final Kind<Place> OWNER = place("plo");
    public static final Kind<Place> DUE = place("pld");
    public static final Kind<Place> NOTE = place("pln");
    public static final Kind<Place> FIGURES = place("plf");

    public static final List<Kind<?>> ALL = List.of(CHOOSE, SECTION, ITEM, TICK, OWNER, DUE, NOTE, FIGURES);

    private static Kind<Place> place(String prefix) {
        return Kind.of(prefix, Place.class, p -> Kind.fields(p.accountId(), p.kind(), p.index()),
                f -> new Place(f.id(), f.word(MAX_KIND), f.number(0, MAX_INDEX)));
    }
}
