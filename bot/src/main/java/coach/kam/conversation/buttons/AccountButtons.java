package coach.kam.conversation.buttons;

import java.util.List;

/** Buttons on accounts: open, rename, delete, the brief, the notes list, the export of one account. */
public final class AccountButtons {
    private static final String GONE = "accounts.gone";

    private AccountButtons() {
    }

    /** A press naming one account. */
    public record Pick(long accountId) implements AccountRef {
    }

    /** A page of an account's notes (page 0 is left out of the data). */
    public record NotesPage(long accountId, int page) implements AccountRef {
    }

    /** A press that carries nothing ("close", "delno"). */
    public record Plain() {
    }

    public static final Kind<Pick> OPEN = pick("acc");
    public static final Kind<Pick> RENAME = pick("ren");
    public static final Kind<Pick> DELETE = pick("del");
    public static final Kind<Pick> DELETE_YES = pick("delyes");
    public static final Kind<Pick> BRIEF = pick("brief");
    public static final Kind<Pick> EXPORT = pick("exp");
    public static final Kind<Plain> CLOSE = Kind.constant("close", Plain.class, new Plain());
    public static final Kind<Plain> DELETE_NO = Kind.constant("delno", Plain.class, new Plain());
    public static final Kind<NotesPage> NOTES = Kind.of("notes", NotesPage.class,
            p -> Kind.fields(p.accountId(), p.page() == 0 ? null : p.page()),
            f -> new NotesPage(f.id(), f.more() ? f.number(0, 9999) : 0)).answeringStale(GONE);

    public static final List<Kind<?>> ALL = List.of(OPEN, RENAME, DELETE, DELETE_YES, BRIEF, EXPORT, CLOSE, DELETE_NO,
            NOTES);

    private static Kind<Pick> pick(String prefix) {
        return Kind.of(prefix, Pick.class, p -> Kind.fields(p.accountId()), f -> new Pick(f.id())).answeringStale(GONE);
    }
}
