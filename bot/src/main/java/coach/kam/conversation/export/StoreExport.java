package coach.kam.conversation.export;

import coach.kam.accounts.Accounts;
import coach.kam.conversation.Conversation;
import coach.kam.conversation.Messages;
import coach.kam.conversation.Session;
import coach.kam.conversation.commands.AccountOverview;
import coach.kam.export.DataJson;
import coach.kam.export.Exporter;
import coach.kam.flows.AccountFacts;
import coach.kam.knowledge.KnowledgeBase;
import coach.kam.plans.Plans;
import coach.kam.store.Store;
import coach.kam.store.Table;
import coach.kam.store.Tx;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * An export written to a file from a store copy, by /export after its turn and by the command line:
 * the report in the rep's language (or, for everyone, a reader with id 0), in a scope that is
 * dropped afterwards, so the store is only read.
 */
public final class StoreExport {
    private static final Table<Session> SESSIONS = Table.of("sessions", Session.class);

    private StoreExport() {
    }

    /** {@code lang} null keeps the rep's own language (English for everyone's export); the zip goes into {@code dir}. */
    public static Exporter.Export export(Store store, KnowledgeBase knowledge, DataJson.Scope scope, String lang,
                                         Clock clock, Path dir) {
        Accounts accounts = new Accounts();
        AccountFacts facts = new AccountFacts();
        AccountOverview overview = new AccountOverview(knowledge, accounts, facts, new Plans());
        return export(store, knowledge, overview, scope, lang, clock, Map.of(), dir);
    }

    /** As above, with more files beside the usual ones (name to text). */
    public static Exporter.Export export(Store store, KnowledgeBase knowledge, AccountOverview overview,
                                         DataJson.Scope scope, String lang, Clock clock, Map<String, String> extra,
                                         Path dir) {
        Report report = new Report(knowledge, new Accounts(), new AccountFacts(), overview);
        Conversation reader = Conversation.builder(store, Messages.load(), clock).build();
        long as = scope.users().isEmpty() ? 0 : scope.users().iterator().next();
        return store.inTransaction(tx -> {
            Tx.Scope readOnly = tx.scope();
            Session session = readOnly.get(SESSIONS, Long.toString(as))
                    .orElse(Session.fresh(as, lang == null ? "en" : lang, clock.instant()));
            readOnly.put(SESSIONS, Long.toString(as), lang == null ? session : session.withLang(lang));
            Exporter.Export[] out = new Exporter.Export[1];
            reader.inTurn(readOnly, as, turn -> out[0] = Exporter.write(turn.tx(), scope, turn.now(), report.in(turn),
                    extra, dir));
            return out[0];
        });
    }
}
