package coach.kam.export;

import coach.kam.accounts.Account;
import coach.kam.accounts.Accounts;
import coach.kam.conversation.Button;
import coach.kam.conversation.Conversation;
import coach.kam.conversation.Event;
import coach.kam.text.Html;
import coach.kam.conversation.Messages;
import coach.kam.conversation.Reply;
import coach.kam.conversation.Turn;
import coach.kam.flows.AccountFacts;
import coach.kam.knowledge.KnowledgeBase;
import coach.kam.store.Store;
import coach.kam.store.Table;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * /export (everything, one account, or --all for admins) sends a zip; /import takes a CSV sent to
 * the chat, answers with a dry run and imports on the confirm button. The file is read after the
 * turn's transaction (a download must not hold the store); the plan waits in the store until the
 * rep confirms, and the import then runs in that one turn's transaction.
 */
public final class ExportCommands {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ExportCommands.class);
    /** Largest CSV read (a spreadsheet of thousands of accounts is far smaller). */
    static final long MAX_IMPORT_BYTES = CsvImport.MAX_BYTES;
    private static final int MAX_BUTTONS = 20;
    private static final int PROBLEMS_SHOWN = 10;
    static final Table<CsvImport.Plan> IMPORTS = Table.of("imports", CsvImport.Plan.class);

    private final Store store;
    private final Messages messages;
    private final KnowledgeBase knowledge;
    private final Accounts accounts;
    private final AccountFacts facts;
    private final Exporter exporter;
    private final Set<Long> admins;
    private final java.util.function.BiPredicate<coach.kam.store.Tx, Long> shares;
    /** In an admin's export: one row per account of each rep who keeps note texts private. */
    static final String TEAM_CSV = "team-summary.csv";

    public ExportCommands(Store store, Messages messages, KnowledgeBase knowledge, Accounts accounts, AccountFacts facts,
                          Exporter exporter, Set<Long> admins, java.util.function.BiPredicate<coach.kam.store.Tx, Long> shares) {
        this.shares = shares;
        this.store = store;
        this.messages = messages;
        this.knowledge = knowledge;
        this.accounts = accounts;
        this.facts = facts;
        this.exporter = exporter;
        this.admins = admins;
    }

    public void register(Conversation.Builder b) {
        b.command("export", this::export);
        b.command("import", this::importCommand);
        b.button("exp", this::exportButton);
        b.button("imp", this::importButton);
        b.document(this::receive);
    }

    // ---------------------------------------------------------------- export

    private void export(Turn turn, String args) {
        String query = args.strip();
        if (query.equalsIgnoreCase("--all") || query.equalsIgnoreCase("all") && admins.contains(turn.userId())) {
            if (!admins.contains(turn.userId())) {
                turn.say(turn.t("export.all.admins.only"));
                return;
            }
            exportShared(turn);
            return;
        }
        if (query.isEmpty()) {
            send(turn, DataJson.Scope.user(turn.userId()));
            return;
        }
        List<Account> found = accounts.find(turn.tx(), turn.userId(), query);
        if (found.size() == 1) {
            send(turn, DataJson.Scope.account(turn.userId(), found.get(0).id()));
        } else if (found.isEmpty()) {
            turn.say(turn.t("accounts.nomatch", Html.escape(query)));
        } else {
            List<List<Button>> rows = new ArrayList<>();
            for (Account a : found.subList(0, Math.min(MAX_BUTTONS, found.size()))) {
                rows.add(List.of(new Button(Html.shorten(a.name(), 40), "exp:" + a.id())));
            }
            turn.say(turn.t("export.choose", Html.escape(query)), rows);
        }
    }

    /**
     * An admin's /export --all: their own data and that of every rep who lets their manager export
     * their note texts (/team share on); the others are only named by count. The command line's
     * export --all, run by whoever holds the data folder, carries everything.
     */
    private void exportShared(Turn turn) {
        coach.kam.store.Tx tx = turn.tx();
        long me = turn.userId();
        java.util.Set<Long> included = new java.util.TreeSet<>();
        List<String> summary = new ArrayList<>();
        summary.add(Csv.row(List.of("rep", "account", "tier", "class", "notes", "last_contact")));
        int withheld = 0;
        for (var s : coach.kam.conversation.Sessions.all(tx)) {
            long user = s.userId();
            if (user == me || shares.test(tx, user)) {
                included.add(user);
                continue;
            }
            List<Account> theirs = accounts.list(tx, user);
            withheld += theirs.isEmpty() ? 0 : 1;
            for (Account a : theirs) {
                summary.add(summaryRow(turn, user, a));
            }
        }
        included.add(me);
        coach.kam.audit.Audit.record(tx, turn.now(), me, "export.all",
                included.size() + " reps with their notes, " + withheld + " as a summary");
        deliver(turn, new DataJson.Scope(included, null),
                withheld == 0 ? java.util.Map.of() : java.util.Map.of(TEAM_CSV, String.join("\r\n", summary) + "\r\n"),
                withheld);
    }

    /** What the digest shows of an account, never what was written about it. */
    private String summaryRow(Turn turn, long user, Account a) {
        coach.kam.accounts.Summaries.Summary held = accounts.summary(turn.tx(), a);
        String tier = facts.latestEvaluation(turn.tx(), a).map(AccountFacts.Evaluation::tier).orElse("");
        String cls = facts.classification(turn.tx(), a).map(AccountFacts.Classification::accountClass).orElse("");
        String last = held.last().map(i -> i.atZone(turn.zone()).toLocalDate().toString()).orElse("");
        return Csv.row(List.of(Long.toString(user), a.name(), tier, cls, Integer.toString(held.total()), last));
    }

    private void exportButton(Turn turn, String[] args) {
        Optional<Account> a = args.length > 0 && args[0].matches("\\d{1,18}")
                ? accounts.get(turn.tx(), turn.userId(), Long.parseLong(args[0])) : Optional.empty();
        if (a.isEmpty()) {
            turn.say(turn.t("accounts.gone"));
            return;
        }
        send(turn, DataJson.Scope.account(turn.userId(), a.get().id()));
    }

    private void send(Turn turn, DataJson.Scope scope) {
        deliver(turn, scope, java.util.Map.of(), 0);
    }

    /**
     * The zip is made after this turn commits, from a copy of the store taken while it serves
     * ({@link Store#copyTo}), so a large export holds neither the store nor the rep's chat queue.
     */
    private void deliver(Turn turn, DataJson.Scope scope, java.util.Map<String, String> extra, int withheld) {
        String lang = turn.lang();
        java.time.Clock at = java.time.Clock.fixed(turn.now(), java.time.ZoneOffset.UTC);
        turn.say(turn.t("export.preparing"));
        turn.later(() -> List.of(fromCopy(scope, extra, withheld, lang, at)));
    }

    private Reply fromCopy(DataJson.Scope scope, java.util.Map<String, String> extra, int withheld, String lang,
                           java.time.Clock at) {
        try {
            Exporter.Export e = Snapshot.read(store, at, copy -> StoreExport.export(copy, knowledge, scope, lang, at, extra));
            int limit = maxSentBytes;
            if (e.zip().length > limit) {
                // Telegram takes files from bots up to 50 MB: say how to get it instead of failing at the send
                return new Reply(messages.get(lang, "export.too.big", Math.max(1, e.zip().length / 1024 / 1024),
                        Math.max(1, limit / 1024 / 1024)), List.of());
            }
            String caption = messages.get(lang, "export.caption", e.accounts(), e.records());
            if (withheld > 0) {
                caption += "\n" + messages.get(lang, "export.all.withheld", withheld);
            }
            return Reply.document(e.fileName(), e.zip(), caption);
        } catch (RuntimeException | OutOfMemoryError e) {
            LOG.error("an export failed", e);
            return new Reply(messages.get(lang, "export.failed"), List.of());
        }
    }

    // ---------------------------------------------------------------- import

    private void importCommand(Turn turn, String args) {
        Event.Attachment file = turn.event().attachment();
        if (file != null) {
            receive(turn, file);
            return;
        }
        if (!args.isBlank()) {
            turn.say(turn.t("import.no.file", Html.escape(Html.shorten(args, 80))));
        }
        turn.say(turn.t("import.how"));
        turn.say(Reply.document(turn.t("import.template.file"), template(turn.lang()), turn.t("import.template.caption")));
    }

    /** The template: the columns, and two example rows in the rep's language; UTF-8 with a BOM for Excel. */
    static byte[] template(String lang) {
        StringBuilder csv = new StringBuilder("\uFEFF").append(Csv.row(CsvImport.TEMPLATE_COLUMNS));
        if ("zh".equals(lang)) {
            csv.append(Csv.row(List.of("华东医药集团", "A", "年度框架协议在谈")));
            csv.append(Csv.row(List.of("新城超市", "C", "")));
        } else {
            csv.append(Csv.row(List.of("ACME Ltd", "A", "Annual framework deal under negotiation")));
            csv.append(Csv.row(List.of("Northwind Stores", "C", "")));
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private void receive(Turn turn, Event.Attachment file) {
        String name = file.fileName() == null ? "" : file.fileName();
        String lower = name.toLowerCase(Locale.ROOT);
        if (!(lower.endsWith(".csv") || lower.endsWith(".txt"))) {
            turn.say(turn.t("import.not.csv", Html.escape(Html.shorten(name, 60))));
            return;
        }
        if (file.size() > MAX_IMPORT_BYTES) {
            turn.say(turn.t("import.too.big", MAX_IMPORT_BYTES / 1024 / 1024));
            return;
        }
        long user = turn.userId();
        String lang = turn.lang();
        long id = turn.tx().nextId("import");
        turn.later(() -> {
            byte[] bytes;
            try {
                // the size in the message may be missing or wrong: the read itself stops at the cap
                bytes = file.content().read(MAX_IMPORT_BYTES);
            } catch (Event.TooLarge e) {
                LOG.info("the file {} sent by user {} is over {} bytes; not read", name, user, MAX_IMPORT_BYTES);
                return List.of(Reply.of(messages.get(lang, "import.too.big", MAX_IMPORT_BYTES / 1024 / 1024)));
            } catch (IOException | RuntimeException e) {
                LOG.warn("reading the file {} sent by user {} failed: {}", name, user, e.toString());
                return List.of(Reply.of(messages.get(lang, "import.download.failed")));
            }
            return store.inTransaction(tx -> {
                CsvImport.Plan plan = CsvImport.plan(tx, accounts, user, id, name, bytes, java.time.Instant.now());
                tx.put(IMPORTS, Long.toString(user), plan);
                return List.of(dryRun(lang, plan));
            });
        });
    }

    private Reply dryRun(String lang, CsvImport.Plan plan) {
        StringBuilder text = new StringBuilder(messages.get(lang, "import.dryrun", Html.escape(plan.fileName()),
                plan.created(), plan.updated(), plan.problems().size(), plan.encoding()));
        for (CsvImport.Problem p : plan.problems().subList(0, Math.min(PROBLEMS_SHOWN, plan.problems().size()))) {
            text.append("\n• ").append(messages.get(lang, p.reason(), p.line(), Html.escape(Html.shorten(p.detail(), 80))));
        }
        if (plan.problems().size() > PROBLEMS_SHOWN) {
            text.append("\n").append(messages.get(lang, "import.problems.more", plan.problems().size() - PROBLEMS_SHOWN));
        }
        if (!plan.names().isEmpty()) {
            text.append("\n").append(messages.get(lang, "import.preview.names",
                    Html.escape(String.join(", ", plan.names()))));
        }
        if (plan.rows().isEmpty()) {
            text.append("\n\n").append(messages.get(lang, "import.nothing"));
            return Reply.of(text.toString());
        }
        text.append("\n\n").append(messages.get(lang, "import.confirm.question"));
        return new Reply(text.toString(), List.of(List.of(
                new Button(messages.get(lang, "import.confirm", plan.rows().size()), "imp:ok:" + plan.id()),
                new Button(messages.get(lang, "import.cancel"), "imp:no:" + plan.id()))));
    }

    private void importButton(Turn turn, String[] args) {
        String key = Long.toString(turn.userId());
        Optional<CsvImport.Plan> plan = turn.tx().get(IMPORTS, key);
        if (args.length < 2 || plan.isEmpty() || !Long.toString(plan.get().id()).equals(args[1])) {
            turn.say(turn.t("import.stale"));
            return;
        }
        if (plan.get().applied()) {
            turn.say(turn.t("import.already"));
            return;
        }
        turn.tx().delete(IMPORTS, key);
        if (!"ok".equals(args[0])) {
            turn.say(turn.t("import.cancelled"));
            return;
        }
        // kept, marked done, so that a second press of ✅ says so instead of asking for the file again
        turn.tx().put(IMPORTS, key, plan.get().withApplied());
        ImportApplier applier = new ImportApplier(accounts, facts, knowledge, turn.userId(), turn.now());
        List<CsvImport.Row> rows = plan.get().rows();
        String lang = turn.lang();
        // after this turn, a chunk of rows per transaction, so other reps are answered meanwhile; a row
        // applied twice (a restart half way, the file sent again) changes nothing the second time
        turn.later(() -> {
            for (int from = 0; from < rows.size(); from += IMPORT_CHUNK) {
                List<CsvImport.Row> chunk = rows.subList(from, Math.min(rows.size(), from + IMPORT_CHUNK));
                store.inTransaction(tx -> {
                    applier.apply(tx, chunk);
                    return null;
                });
            }
            CsvImport.Applied done = applier.applied();
            return List.of(new Reply(messages.get(lang, "import.done", done.created(), done.updated()), List.of()));
        });
    }

    /** The largest file a bot may send on Telegram. */
    static final int MAX_SENT_BYTES = 50 * 1024 * 1024;
    /** The limit applied; tests lower it to see the answer without a 50 MB zip. */
    static volatile int maxSentBytes = MAX_SENT_BYTES;

    /** Rows applied per transaction. */
    static final int IMPORT_CHUNK = 100;
}
