package coach.kam.conversation.buttons;

import java.util.List;

/** Buttons on objection cards: show one, another script, the other language, feedback, logging to an account. */
public final class ObjectionButtons {
    /** The longest objection id a button carries. */
    public static final int MAX_ID = 32;

    private ObjectionButtons() {
    }

    /** An objection's card; {@code lang} is null on buttons that leave it to the rep's language. */
    public record Show(String objectionId, String lang) {
    }

    /** One script of an objection's card, in a language. */
    public record Script(String objectionId, String lang, int script) {
    }

    /** "It worked" or "it did not" for a script. */
    public record Feedback(String objectionId, String lang, int script, boolean worked) {
    }

    /** "Log as a new objection", tagged with the phrase it was offered for. */
    public record NewPhrase(String tag) {
    }

    /** Log the objection to an account still to choose; {@code script} is null on older buttons. */
    public record Log(String objectionId, Integer script) {
    }

    /** Log the objection to this account. */
    public record LogTo(String objectionId, long accountId, Integer script) implements AccountRef {
    }

    public static final Kind<Show> SHOW = Kind.of("ob", Show.class, s -> Kind.fields(s.objectionId(), s.lang()),
            f -> new Show(f.word(MAX_ID), f.more() ? lang(f) : null));
    public static final Kind<Script> ANOTHER = script("os");
    public static final Kind<Script> OTHER_LANGUAGE = script("osl");
    public static final Kind<Feedback> FEEDBACK = Kind.of("ofb", Feedback.class,
            x -> Kind.fields(x.objectionId(), x.lang(), x.script(), x.worked() ? 1 : 0),
            f -> new Feedback(f.word(MAX_ID), lang(f), f.number(0, 9), f.number(0, 1) == 1));
    public static final Kind<NewPhrase> NEW = Kind.of("onew", NewPhrase.class, p -> Kind.fields(p.tag()),
            f -> new NewPhrase(f.word(8)));
    public static final Kind<Log> LOG = Kind.of("olog", Log.class, l -> Kind.fields(l.objectionId(), l.script()),
            f -> new Log(f.word(MAX_ID), f.more() ? Integer.valueOf(f.number(0, 9)) : null));
    public static final Kind<LogTo> LOG_TO = Kind.of("ologa", LogTo.class,
            l -> Kind.fields(l.objectionId(), l.accountId(), l.script()),
            f -> new LogTo(f.word(MAX_ID), f.id(), f.more() ? Integer.valueOf(f.number(0, 9)) : null));

    public static final List<Kind<?>> ALL = List.of(SHOW, ANOTHER, OTHER_LANGUAGE, FEEDBACK, NEW, LOG, LOG_TO);

    private static String lang(Fields f) {
        return f.oneOf("zh", "en");
    }

    private static Kind<Script> script(String prefix) {
        return Kind.of(prefix, Script.class, s -> Kind.fields(s.objectionId(), s.lang(), s.script()),
                f -> new Script(f.word(MAX_ID), lang(f), f.number(0, 9)));
    }
}
