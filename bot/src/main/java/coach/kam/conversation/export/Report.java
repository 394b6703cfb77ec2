package coach.kam.conversation.export;

import coach.kam.accounts.Account;
import coach.kam.accounts.Accounts;
import coach.kam.accounts.Note;
import coach.kam.checkin.Reminders;
import coach.kam.conversation.Voice;
import coach.kam.conversation.commands.AccountOverview;
import coach.kam.export.Csv;
import coach.kam.export.DataJson;
import coach.kam.export.Readables;
import coach.kam.store.Table;
import coach.kam.store.Tx;
import coach.kam.text.Html;
import java.io.IOException;
import java.io.Writer;
import coach.kam.flows.AccountFacts;
import coach.kam.flows.AnswerView;
import coach.kam.knowledge.Flow;
import coach.kam.knowledge.KnowledgeBase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The readable parts of an export: a Markdown report with one section per account, and a CSV with
 * one row per account, in the reader's language and time zone. Both are written account by
 * account in the export's transaction, so they agree with the JSON.
 */
public final class Report {
    /** The CSV's columns, in order (format 1; columns are only ever added at the end). */
    public static final List<String> CSV_COLUMNS = List.of("name", "class", "tier", "score", "strategy",
            "last_evaluated", "last_contact", "notes", "visits", "objections", "plans", "created", "account_id",
            "owner_id");

    private final KnowledgeBase knowledge;
    private final Accounts accounts;
    private final AccountFacts facts;
    private final AccountOverview overview;

    public Report(KnowledgeBase knowledge, Accounts accounts, AccountFacts facts, AccountOverview overview) {
        this.knowledge = knowledge;
        this.accounts = accounts;
        this.facts = facts;
        this.overview = overview;
    }

    /** The report and the CSV as the reader of {@code voice} reads them. */
    public Readables in(Voice voice) {
        return new Readables() {
            @Override
            public void report(Tx tx, List<Account> accounts, Instant now, Writer out) throws IOException {
                markdown(tx, voice, accounts, now, out);
            }

            @Override
            public void csv(Tx tx, List<Account> accounts, Writer out) throws IOException {
                Report.this.csv(tx, voice, accounts, out);
            }
        };
    }

    void markdown(Tx tx, Voice voice, List<Account> list, Instant now, Writer out) throws IOException {
        out.append("# ").append(voice.t("export.md.title")).append("\n\n");
        out.append(voice.t("export.md.meta", voice.formatTime(now), DataJson.FORMAT_VERSION, list.size())).append("\n");
        long owner = -1;
        boolean severalReps = list.stream().map(Account::ownerId).distinct().count() > 1;
        Map<Long, List<Note>> reminders = Map.of();
        for (Account a : list) {
            if (a.ownerId() != owner) {
                owner = a.ownerId();
                reminders = openReminders(tx, owner);
                if (severalReps) {
                    out.append("\n---\n\n# ").append(voice.t("export.md.rep", owner)).append("\n");
                }
            }
            StringBuilder head = new StringBuilder();
            head(tx, voice, a, head);
            out.append(head);
            // the notes one at a time, in time order: an account of any length in little memory
            List<Accounts.NoteRef> refs = accounts.noteRefs(tx, a);
            notesOf(tx, voice, a, out, "export.md.notes", refs, Note.Kind.NOTE);
            notesOf(tx, voice, a, out, "export.md.visits", refs, Note.Kind.VISIT);
            notesOf(tx, voice, a, out, "export.md.objections", refs, Note.Kind.OBJECTION);
            List<Note> due = reminders.getOrDefault(a.id(), List.of());
            if (!due.isEmpty()) {
                out.append("\n### ").append(voice.t("export.md.reminders")).append("\n\n");
                for (Note n : due) {
                    out.append(line(voice, n, Note.Kind.NOTE));
                }
            }
        }
    }

    /** The account's heading, class, tier, profile and plans. */
    private void head(Tx tx, Voice voice, Account a, StringBuilder md) {
        md.append("\n## ").append(oneLine(a.name())).append("\n\n");
        md.append("- ").append(voice.t("export.md.created", voice.formatTime(a.createdAt()))).append("\n");
        overview.classLine(tx, voice, a).ifPresent(l -> md.append("- ").append(plain(l)).append("\n"));
        overview.tierLine(tx, voice, a, true).ifPresent(l -> {
            List<String> lines = plain(l).lines().toList();
            md.append("- ").append(lines.get(0)).append("\n");
            lines.stream().skip(1).forEach(x -> md.append("  ").append(x).append("\n"));
        });
        List<String> profile = profile(tx, voice, a);
        if (!profile.isEmpty()) {
            md.append("\n### ").append(voice.t("export.md.profile")).append("\n\n");
            profile.forEach(p -> md.append("- ").append(p).append("\n"));
        }
        List<String> plans = overview.planLines(tx, voice, a);
        if (!plans.isEmpty()) {
            // each plan with its own dated, owned or annotated items under it
            md.append("\n### ").append(voice.t("export.md.plans")).append("\n\n");
            overview.dueItems(tx, voice, a, AccountOverview.BY_PLAN).forEach(line -> md.append(line.startsWith("  ") ? "  " : "")
                    .append(oneLine(plain(line))).append("\n"));
        }
    }

    /** A rep's open reminders by account, soonest first, as dated lines (the text at its due time). */
    private static Map<Long, List<Note>> openReminders(Tx tx, long owner) {
        Map<Long, List<Note>> out = new java.util.HashMap<>();
        Reminders.openOf(tx, owner).stream()
                .filter(r -> r.accountId() != null)
                .forEach(r -> out.computeIfAbsent(r.accountId(), k -> new ArrayList<>())
                        .add(Note.text(r.accountId(), r.text(), r.due())));
        return out;
    }

    private void notesOf(Tx tx, Voice voice, Account a, Writer out, String heading, List<Accounts.NoteRef> refs,
                         Note.Kind kind) throws IOException {
        boolean first = true;
        for (Accounts.NoteRef ref : refs) {
            if (ref.kind() != kind) {
                continue;
            }
            Optional<Note> n = accounts.note(tx, a, ref.id());
            if (n.isEmpty()) {
                continue;
            }
            if (first) {
                out.append("\n### ").append(voice.t(heading)).append("\n\n");
                first = false;
            }
            out.append(line(voice, n.get(), kind));
        }
    }

    /** One note as a list item: its time, then its words (a visit's place, an objection's id first). */
    private static String line(Voice voice, Note n, Note.Kind kind) {
        StringBuilder md = new StringBuilder("- ").append(voice.formatTime(n.at())).append(" · ");
        switch (kind) {
            case VISIT -> md.append(n.latitude() == null || n.longitude() == null ? ""
                    : String.format(java.util.Locale.ROOT, "%.5f, %.5f", n.latitude(), n.longitude()))
                    .append(n.text().isBlank() ? "" : (n.latitude() == null ? "" : " · ") + oneLine(n.text()));
            case OBJECTION -> md.append(n.objectionId() == null ? "" : "`" + n.objectionId() + "` ")
                    .append(oneLine(n.text()));
            default -> md.append(n.text().strip().replace("\n", "\n  "));
        }
        return md.append("\n").toString();
    }

    /** Every answer the walkthroughs left on the account: "question: answer". */
    private List<String> profile(Tx tx, Voice voice, Account a) {
        List<String> out = new ArrayList<>();
        Map<String, AccountFacts.Field> fields = facts.fields(tx, a).fields();
        for (String flowId : List.of("profile", "needs", "classify", "evaluate")) {
            Optional<Flow> flow = knowledge.flow(flowId);
            if (flow.isEmpty()) {
                continue;
            }
            for (Flow.Step s : flow.get().steps()) {
                AccountFacts.Field f = fields.get(s.field());
                if (f != null && flowId.equals(f.flow())) {
                    out.add(oneLine(s.prompt().in(voice.lang())) + ": " + plain(AnswerView.text(s, f.answer(), voice.lang())));
                }
            }
        }
        return out;
    }

    void csv(Tx tx, Voice voice, List<Account> list, Writer out) throws IOException {
        out.append("\uFEFF").append(Csv.row(CSV_COLUMNS));
        for (Account a : list) {
            Optional<AccountFacts.Evaluation> e = facts.latestEvaluation(tx, a);
            coach.kam.accounts.Summaries.Summary held = accounts.summary(tx, a);
            out.append(Csv.row(List.of(
                    a.name(),
                    facts.classification(tx, a).map(AccountFacts.Classification::accountClass).orElse(""),
                    e.map(AccountFacts.Evaluation::tier).orElse(""),
                    e.map(x -> Integer.toString(x.score())).orElse(""),
                    e.map(AccountFacts.Evaluation::strategy).orElse(""),
                    e.map(x -> iso(x.at())).orElse(""),
                    held.last().map(Report::iso).orElse(""),
                    Integer.toString(held.notes()),
                    Integer.toString(held.visits()),
                    Integer.toString(held.objections()),
                    String.join("; ", overview.planLines(tx, voice, a).stream().map(Report::plain).toList()),
                    iso(a.createdAt()),
                    Long.toString(a.id()),
                    Long.toString(a.ownerId()))));
        }
    }

    /** ISO-8601 UTC to the second, as a spreadsheet reads it ("2026-11-27T02:00:00Z"). */
    static String iso(Instant at) {
        return at.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
    }

    private static String plain(String html) {
        return Html.toPlain(html).strip();
    }

    /**
     * The text on one line: each run of blanks that holds a line break becomes one space. A plain
     * scan; as {@code \s*\n\s*} a long run of spaces was rescanned from each space in it.
     */
    static String oneLine(String s) {
        if (s == null) {
            return "";
        }
        String t = s.strip();
        StringBuilder out = new StringBuilder(t.length());
        int i = 0;
        while (i < t.length()) {
            if (!isBlank(t.charAt(i))) {
                out.append(t.charAt(i++));
                continue;
            }
            int start = i;
            boolean lineBreak = false;
            while (i < t.length() && isBlank(t.charAt(i))) {
                lineBreak |= t.charAt(i++) == '\n';
            }
            out.append(lineBreak ? " " : t.substring(start, i));
        }
        return out.toString();
    }

    /** White space as a regular expression's {@code \s} means it: ASCII only. */
    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }
}
