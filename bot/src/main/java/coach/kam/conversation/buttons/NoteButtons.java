package coach.kam.conversation.buttons;

import java.util.List;

/** Buttons on notes: open, edit, delete, move, count as a visit, undo, save a question as a note. */
public final class NoteButtons {
    private static final String GONE = "note.gone";

    private NoteButtons() {
    }

    /** A note under an account. */
    public record At(long accountId, long noteId) implements NoteRef {
    }

    /** A note opened in full from a page of the list (the page the "back" button returns to). */
    public record View(long accountId, long noteId, int page) implements NoteRef {
    }

    /** A note moved to another of the rep's accounts. */
    public record Move(long accountId, long noteId, long toAccountId) implements NoteRef {
    }

    /** A change in the rep's change log, taken back or put back. */
    public record Change(long seq) {
    }

    /** A typed line waiting under "save as a note instead". */
    public record Pending(long id) {
    }

    public static final Kind<View> VIEW = Kind.of("nv", View.class,
            v -> Kind.fields(v.accountId(), v.noteId(), v.page()),
            f -> new View(f.id(), f.id(), f.more() ? f.number(0, 9999) : 0)).answeringStale(GONE);
    public static final Kind<At> EDIT = at("ne");
    public static final Kind<At> DELETE = at("nd");
    public static final Kind<At> DELETE_YES = at("ndy");
    public static final Kind<AccountButtons.Plain> DELETE_NO = Kind.constant("ndn", AccountButtons.Plain.class,
            new AccountButtons.Plain());
    public static final Kind<At> ANSWER = at("nask");
    public static final Kind<At> OFFER_MOVE = at("nmv");
    public static final Kind<At> AS_VISIT = at("nvis");
    public static final Kind<At> UNDO = at("nu");
    public static final Kind<Move> MOVE = Kind.of("nmt", Move.class,
            m -> Kind.fields(m.accountId(), m.noteId(), m.toAccountId()), f -> new Move(f.id(), f.id(), f.id())).answeringStale(GONE);
    public static final Kind<Change> TOGGLE = Kind.of("ut", Change.class, c -> Kind.fields(c.seq()),
            f -> new Change(f.id())).answeringStale("undo.gone");
    public static final Kind<Pending> SAVE = Kind.of("nsave", Pending.class, p -> Kind.fields(p.id()),
            f -> new Pending(f.id())).answeringStale("note.pending.gone");

    public static final List<Kind<?>> ALL = List.of(VIEW, EDIT, DELETE, DELETE_YES, DELETE_NO, ANSWER, OFFER_MOVE,
            AS_VISIT, UNDO, MOVE, TOGGLE, SAVE);

    private static Kind<At> at(String prefix) {
        return Kind.of(prefix, At.class, a -> Kind.fields(a.accountId(), a.noteId()), f -> new At(f.id(), f.id())).answeringStale(GONE);
    }
}
