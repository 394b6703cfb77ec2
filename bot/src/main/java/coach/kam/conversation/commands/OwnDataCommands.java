package coach.kam.conversation.commands;

import coach.kam.accounts.Account;
import coach.kam.accounts.Accounts;
import coach.kam.conversation.Button;
import coach.kam.conversation.Conversation;
import coach.kam.text.Html;
import coach.kam.conversation.Messages;
import coach.kam.conversation.Reply;
import coach.kam.conversation.Turn;
import coach.kam.conversation.buttons.NoteButtons;
import coach.kam.intent.AboutAccount;
import coach.kam.owndata.OwnRecord;
import coach.kam.owndata.OwnSearch;
import coach.kam.text.Head;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Questions about an account answered from the rep's own records, each quoted with its date and
 * kind ("📝 12 Nov: Jim said …") and an "open the note" button (the notes' own {@code nv} button,
 * which checks the note is the rep's); and {@code /search words} over all of the rep's accounts.
 * The search runs after the turn's commit, off the store's lock.
 */
public final class OwnDataCommands {
    private static final Logger LOG = LoggerFactory.getLogger(OwnDataCommands.class);
    static final int QUOTED = 3;
    static final int QUOTE_CHARS = 220;

    /** A language model's answer from the numbered records, or empty (none configured, failed, not answered). */
    @FunctionalInterface
    public interface Phrasing {
        java.util.Optional<String> phrase(String question, List<String> records, String lang);
    }

    private final OwnSearch search;
    private final Accounts accounts;
    private final Messages messages;
    private final Phrasing phrasing;

    public OwnDataCommands(OwnSearch search, Accounts accounts, Messages messages, Phrasing phrasing) {
        this.search = search;
        this.accounts = accounts;
        this.messages = messages;
        this.phrasing = phrasing;
    }

    public void register(Conversation.Builder b) {
        b.command("search", this::searchAll);
        b.waitingFor("own-search", (turn, text, arg) -> searchAll(turn, text));
        b.prepare(text -> {
            AboutAccount.Kind kind = AboutAccount.read(text).kind();
            if (kind == AboutAccount.Kind.ACCOUNT || kind == AboutAccount.Kind.BOTH) {
                search.prepare(text);
            }
        });
    }

    private void searchAll(Turn turn, String args) {
        String words = args == null ? "" : args.strip();
        if (coach.kam.conversation.CommandWords.invisibleOnly(words)) {
            turn.await("own-search", null);
            turn.say(turn.t("own.search.what"));
            return;
        }
        Map<Long, String> names = new HashMap<>();
        accounts.list(turn.tx(), turn.userId()).forEach(a -> names.put(a.id(), a.name()));
        if (names.isEmpty()) {
            turn.say(turn.t("own.search.no.accounts"));
            return;
        }
        long owner = turn.userId();
        String lang = turn.lang();
        ZoneId zone = turn.zone();
        Instant now = turn.now();
        turn.later(() -> safely(lang, () -> {
            OwnSearch.Found found = search.search(owner, null, words, QUOTED);
            if (!found.any()) {
                return Reply.of(messages.get(lang, "own.search.none", Html.escape(Head.of(words, 60))));
            }
            StringBuilder html = new StringBuilder(messages.get(lang, "own.search.found", Html.escape(Head.of(words, 60))));
            List<List<Button>> rows = new ArrayList<>();
            quote(found, names, lang, zone, now, true, false, html, rows);
            return new Reply(html.toString(), rows);
        }));
    }

    /**
     * Answers a question about {@code account} from its records; with {@code method} (the
     * methodology answer, made when the question could be either) both go in one reply.
     * {@code extra} buttons go in the last row.
     */
    void answer(Turn turn, Account account, String question, Supplier<Reply> method, List<Button> extra) {
        long owner = turn.userId();
        String lang = turn.lang();
        ZoneId zone = turn.zone();
        Instant now = turn.now();
        Map<Long, String> names = Map.of(account.id(), account.name());
        turn.later(() -> safely(lang, () -> {
            OwnSearch.Found found = search.search(owner, account.id(), question, QUOTED);
            StringBuilder html = new StringBuilder();
            List<List<Button>> rows = new ArrayList<>();
            if (found.any()) {
                html.append(messages.get(lang, "own.from.records", Html.escape(account.name())));
                List<String> records = found.hits().stream()
                        .map(h -> day(h.record().at(), lang, zone, now) + ": " + h.record().text(lang)).toList();
                java.util.Optional<String> phrased = phrasing.phrase(question, records, lang);
                phrased.ifPresent(t -> html.append("\n").append(Html.escape(t)).append("\n"));
                quote(found, names, lang, zone, now, false, phrased.isPresent(), html, rows);
            } else {
                html.append(messages.get(lang, "own.none", Html.escape(account.name())));
            }
            if (method != null) {
                Reply m = method.get();
                html.append("\n\n").append(messages.get(lang, "own.method.too")).append("\n").append(m.html());
                rows.addAll(m.buttons());
            }
            if (!extra.isEmpty()) {
                rows.add(extra);
            }
            return new Reply(html.toString(), rows);
        }));
    }

    /**
     * With no account open, a question about an account the line names ("when is acme's next
     * tender?") is answered from that account's records; returns whether it was.
     */
    boolean answerNamed(Turn turn, String text, AskCommands ask) {
        AboutAccount.Reading read = AboutAccount.read(text);
        if (read.kind() == AboutAccount.Kind.NONE) {
            return false;
        }
        java.util.Optional<Account> named = NamedAccount.in(text, accounts.list(turn.tx(), turn.userId()));
        if (named.isEmpty()) {
            return false;
        }
        AboutAccount.Reading about = read.withNamedAccount();
        if (about.kind() != AboutAccount.Kind.ACCOUNT && about.kind() != AboutAccount.Kind.BOTH) {
            return false;
        }
        boolean both = about.kind() == AboutAccount.Kind.BOTH && ask != null;
        answer(turn, named.get(), text, both ? ask.methodAnswer(turn, text) : null, List.of());
        return true;
    }

    /** The records, one a line, numbered as the model cited them when {@code numbered}. */
    private void quote(OwnSearch.Found found, Map<Long, String> names, String lang, ZoneId zone, Instant now,
                       boolean withAccount, boolean numbered, StringBuilder html, List<List<Button>> rows) {
        int n = 0;
        for (OwnSearch.Hit h : found.hits()) {
            OwnRecord r = h.record();
            String day = day(r.at(), lang, zone, now);
            html.append("\n").append(numbered ? "[" + ++n + "] " : "").append(r.kind().mark).append(' ').append(day);
            if (withAccount) {
                html.append(" · <b>").append(Html.escape(names.getOrDefault(r.accountId(), "?"))).append("</b>");
            }
            html.append(": ").append(Html.escape(Html.shorten(oneLine(r.text(lang)), QUOTE_CHARS)));
            if (r.kind().isNote() && names.containsKey(r.accountId())) {
                rows.add(List.of(NoteButtons.VIEW.button(messages.get(lang, "btn.own.open.note", day),
                        new NoteButtons.View(r.accountId(), r.noteId(), 0))));
            }
        }
    }

    /** "12 Nov" / "11月12日" in the rep's zone, with the year when it is not this year. */
    static String day(Instant at, String lang, ZoneId zone, Instant now) {
        if (at == null) {
            return "—";
        }
        LocalDate d = LocalDate.ofInstant(at, zone);
        boolean thisYear = d.getYear() == LocalDate.ofInstant(now, zone).getYear();
        if ("zh".equals(lang)) {
            return (thisYear ? "" : d.getYear() + "年") + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
        }
        String month = d.getMonth().getDisplayName(java.time.format.TextStyle.SHORT, java.util.Locale.ENGLISH);
        return d.getDayOfMonth() + " " + month + (thisYear ? "" : " " + d.getYear());
    }

    private static String oneLine(String s) {
        StringBuilder out = new StringBuilder(s.length());
        boolean blank = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                blank = true;
                continue;
            }
            if (blank && out.length() > 0) {
                out.append(' ');
            }
            blank = false;
            out.append(c);
        }
        return out.toString();
    }

    /** One rep's search that fails (an index evicted meanwhile, a model that stopped) gets a short answer. */
    private List<Reply> safely(String lang, Supplier<Reply> work) {
        try {
            return List.of(work.get());
        } catch (RuntimeException e) {
            LOG.warn("searching a rep's records failed", e);
            return List.of(Reply.of(messages.get(lang, "own.failed")));
        }
    }
}
