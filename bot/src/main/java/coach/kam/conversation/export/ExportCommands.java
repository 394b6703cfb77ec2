package coach.kam.conversation.export;

import coach.kam.accounts.Account;
import coach.kam.accounts.Accounts;
import coach.kam.conversation.Button;
import coach.kam.conversation.Conversation;
import coach.kam.conversation.Messages;
import coach.kam.conversation.Reply;
import coach.kam.conversation.Turn;
import coach.kam.conversation.buttons.AccountButtons;
import coach.kam.conversation.buttons.Owned;
import coach.kam.conversation.commands.AccountOverview;
import coach.kam.export.Csv;
import coach.kam.export.DataJson;
import coach.kam.export.Exporter;
import coach.kam.export.Snapshot;
import coach.kam.flows.AccountFacts;
import coach.kam.knowledge.KnowledgeBase;
import coach.kam.store.Store;
import coach.kam.store.Tables;
import coach.kam.text.Html;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * /export (everything, one account, or --all for admins) sends a zip. The zip is written after the
 * turn, from a copy of the store taken while it serves, into a file in the outbox folder; the send
 * queue sends that file and removes it once Telegram has it.
 */
public final class ExportCommands {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ExportCommands.class);
    private static final int MAX_BUTTONS = 20;

    private final Store store;
    private final Tables tables;
    private final Messages messages;
    private final KnowledgeBase knowledge;
    private final Accounts accounts;
    private final AccountFacts facts;
    private final AccountOverview overview;
    private final Path outbox;
    private final Set<Long> admins;
    private final java.util.function.BiPredicate<coach.kam.store.Tx, Long> shares;
    /** In an admin's export: one row per account of each rep who keeps note texts private. */
    static final String TEAM_CSV = "team-summary.csv";

    /** {@code outbox}: the folder finished zips wait in until sent (in the data folder, so a restart still sends them). */
    public ExportCommands(Store store, Messages messages, KnowledgeBase knowledge, Accounts accounts, AccountFacts facts,
                          AccountOverview overview, Path outbox, Set<Long> admins,
                          java.util.function.BiPredicate<coach.kam.store.Tx, Long> shares, Tables tables) {
        this.shares = shares;
        this.tables = tables;
        this.store = store;
        this.messages = messages;
        this.knowledge = knowledge;
        this.accounts = accounts;
        this.facts = facts;
        this.overview = overview;
        this.outbox = outbox;
        this.admins = admins;
    }

    public void register(Conversation.Builder b) {
        b.command("export", this::export);
        b.button(AccountButtons.EXPORT, new Owned(accounts).account((turn, p, a) ->
                send(turn, DataJson.Scope.account(turn.userId(), a.id()))));
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
                rows.add(List.of(AccountButtons.EXPORT.button(Html.shorten(a.name(), 40), new AccountButtons.Pick(a.id()))));
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
            Exporter.Export e = Snapshot.read(store, at, outbox.resolveSibling("tmp"),
                    copy -> StoreExport.export(copy, tables, knowledge, overview, scope, lang, at, extra, outbox));
            int limit = maxSentBytes;
            if (e.bytes() > limit) {
                // Telegram takes files from bots up to 50 MB: say how to get it instead of failing at the send
                java.nio.file.Files.deleteIfExists(e.file());
                return new Reply(messages.get(lang, "export.too.big", Math.max(1, e.bytes() / 1024 / 1024),
                        Math.max(1, limit / 1024 / 1024)), List.of());
            }
            String caption = messages.get(lang, "export.caption", e.accounts(), e.records());
            if (withheld > 0) {
                caption += "\n" + messages.get(lang, "export.all.withheld", withheld);
            }
            return Reply.file(e.fileName(), e.file(), caption);
        } catch (java.io.IOException | RuntimeException | OutOfMemoryError e) {
            LOG.error("an export failed", e);
            return new Reply(messages.get(lang, "export.failed"), List.of());
        }
    }

    /** The largest file a bot may send on Telegram. */
    static final int MAX_SENT_BYTES = 50 * 1024 * 1024;
    /** The limit applied; tests lower it to see the answer without a 50 MB zip. */
    static volatile int maxSentBytes = MAX_SENT_BYTES;
}
