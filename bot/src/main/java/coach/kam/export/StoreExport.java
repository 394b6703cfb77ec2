package coach.kam.export;

import coach.kam.accounts.Accounts;
import coach.kam.conversation.Conversation;
import coach.kam.conversation.Messages;
import coach.kam.conversation.Session;
import coach.kam.conversation.commands.AccountOverview;
import coach.kam.flows.AccountFacts;
import coach.kam.knowledge.KnowledgeBase;
import coach.kam.plans.Plans;
import coach.kam.store.Store;
import coach.kam.store.Table;
import coach.kam.store.Tx;
import java.time.Clock;

/**
 * An export made outside a chat (the command line), from a store copy: the same zip as /export.
 * It runs as a turn of the rep (or, for everyone, of a reader with id 0) in a scope that is
 * dropped afterwards, so the store is only read.
 */
public final class StoreExport {
    private static final Table<Session> SESSIONS = Table.of("sessions", Session.class);

    private StoreExport() {
    }

    /** {@code lang} null keeps the rep's own language (English for everyone's export). */
    public static Exporter.Export export(Store store, KnowledgeBase knowledge, DataJson.Scope scope, String lang,
                                         Clock clock) {
        return export(store, knowledge, scope, lang, clock, java.util.Map.of());
    }

    /** As above, with more files beside the usual ones (name to text). */
    public static Exporter.Export export(Store store, KnowledgeBase knowledge, DataJson.Scope scope, String lang,
                                         Clock clock, java.util.Map<String, String> extra) {
        Messages messages = Messages.load();
        Accounts accounts = new Accounts();
        AccountFacts facts = new AccountFacts();
        AccountOverview overview = new AccountOverview(knowledge, accounts, facts, new Plans());
        Exporter exporter = new Exporter(new Report(knowledge, accounts, facts, overview));
        Conversation reader = Conversation.builder(store, messages, clock).build();
        long as = scope.users().isEmpty() ? 0 : scope.users().iterator().next();
        return store.inTransaction(tx -> {
            Tx.Scope readOnly = tx.scope();
            Session session = readOnly.get(SESSIONS, Long.toString(as))
                    .orElse(Session.fresh(as, lang == null ? "en" : lang, clock.instant()));
            readOnly.put(SESSIONS, Long.toString(as), lang == null ? session : session.withLang(lang));
            Exporter.Export[] out = new Exporter.Export[1];
            reader.inTurn(readOnly, as, turn -> out[0] = exporter.export(turn, scope, extra));
            return out[0];
        });
    }
}
