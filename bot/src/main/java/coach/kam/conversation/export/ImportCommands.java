package coach.kam.conversation.export;

import coach.kam.accounts.Accounts;
import coach.kam.conversation.Button;
import coach.kam.conversation.Conversation;
import coach.kam.conversation.Event;
import coach.kam.conversation.Messages;
import coach.kam.conversation.Reply;
import coach.kam.conversation.Turn;
import coach.kam.conversation.buttons.SettingButtons;
import coach.kam.export.Csv;
import coach.kam.export.CsvImport;
import coach.kam.export.ImportApplier;
import coach.kam.flows.AccountFacts;
import coach.kam.knowledge.KnowledgeBase;
import coach.kam.store.Store;
import coach.kam.store.Keys;
import coach.kam.store.Table;
import coach.kam.text.Html;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * /import takes a CSV sent to the chat, answers with a dry run and imports on the confirm button.
 * The file is read after the turn's transaction (a download must not hold the store); the plan
 * waits in the store until the rep confirms, and the rows are then applied a chunk per transaction.
 */
public final class ImportCommands {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ImportCommands.class);
    /** Largest CSV read (a spreadsheet of thousands of accounts is far smaller). */
    static final long MAX_IMPORT_BYTES = CsvImport.MAX_BYTES;
    private static final int PROBLEMS_SHOWN = 10;
    static final Table<CsvImport.Plan> IMPORTS = Table.operational("imports", CsvImport.Plan.class);

    /** The tables kept here, for the program's catalogue ({@code coach.kam.Catalogue}). */
    public static final List<Table<?>> TABLES = List.of(IMPORTS);
    /** Rows applied per transaction. */
    static final int IMPORT_CHUNK = 100;

    private final Store store;
    private final Messages messages;
    private final KnowledgeBase knowledge;
    private final Accounts accounts;
    private final AccountFacts facts;

    public ImportCommands(Store store, Messages messages, KnowledgeBase knowledge, Accounts accounts, AccountFacts facts) {
        this.store = store;
        this.messages = messages;
        this.knowledge = knowledge;
        this.accounts = accounts;
        this.facts = facts;
    }

    public void register(Conversation.Builder b) {
        b.command("import", this::importCommand);
        b.button(SettingButtons.IMPORT, this::importButton);
        b.document(this::receive);
    }


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
                tx.put(IMPORTS, Keys.of(user), plan);
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
                SettingButtons.IMPORT.button(messages.get(lang, "import.confirm", plan.rows().size()),
                        new SettingButtons.ImportAnswer(true, plan.id())),
                SettingButtons.IMPORT.button(messages.get(lang, "import.cancel"),
                        new SettingButtons.ImportAnswer(false, plan.id())))));
    }

    private void importButton(Turn turn, SettingButtons.ImportAnswer pressed) {
        String key = Keys.of(turn.userId());
        Optional<CsvImport.Plan> plan = turn.tx().get(IMPORTS, key);
        if (plan.isEmpty() || plan.get().id() != pressed.planId()) {
            turn.say(turn.t("import.stale"));
            return;
        }
        if (plan.get().applied()) {
            turn.say(turn.t("import.already"));
            return;
        }
        turn.tx().delete(IMPORTS, key);
        if (!pressed.apply()) {
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

}
