package coach.kam.conversation.buttons;

import java.util.List;

/** Small buttons: language, time zone, practice, a walkthrough draft kept by /cancel, an import's confirmation. */
public final class SettingButtons {
    private SettingButtons() {
    }

    /** A language, a time zone or a practice mode chosen by name. */
    public record Choice(String value) {
    }

    /** A walkthrough run kept as a draft. */
    public record Draft(long run) {
    }

    /** ✅ or ✖ under an import's preview. */
    public record ImportAnswer(boolean apply, long planId) {
    }

    public static final Kind<Choice> LANGUAGE = choice("lang", 8);
    public static final Kind<Choice> ZONE = choice("tz", 40);
    public static final Kind<Choice> PRACTICE = Kind.of("prac", Choice.class, c -> Kind.fields(c.value()),
            f -> new Choice(f.oneOf("go", "quiz", "stats")));
    public static final Kind<Draft> KEEP_DRAFT = draft("wkeep");
    public static final Kind<Draft> DROP_DRAFT = draft("wdrop");
    public static final Kind<ImportAnswer> IMPORT = Kind.of("imp", ImportAnswer.class,
            a -> Kind.fields(a.apply() ? "ok" : "no", a.planId()),
            f -> new ImportAnswer(f.oneOf("ok", "no").equals("ok"), f.id())).answeringStale("import.stale");

    public static final List<Kind<?>> ALL = List.of(LANGUAGE, ZONE, PRACTICE, KEEP_DRAFT, DROP_DRAFT, IMPORT);

    private static Kind<Choice> choice(String prefix, int maxLength) {
        return Kind.of(prefix, Choice.class, c -> Kind.fields(c.value()), f -> new Choice(f.word(maxLength)));
    }

    private static Kind<Draft> draft(String prefix) {
        return Kind.of(prefix, Draft.class, d -> Kind.fields(d.run()), f -> new Draft(f.id()))
                .answeringStale("walk.draft.gone");
    }
}
