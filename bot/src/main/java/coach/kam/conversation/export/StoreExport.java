package coach.kam.conversation.export;

import coach.kam.accounts.Accounts;
import coach.kam.conversation.Conversation;
import coach.kam.conversation.Messages;
import coach.kam.conversation.Session;
import coach.kam.conversation.Voice;
import coach.kam.conversation.commands.AccountOverview;
import coach.kam.export.DataJson;
import coach.kam.export.Exporter;
import coach.kam.flows.AccountFacts;
import coach.kam.knowledge.KnowledgeBase;
import coach.kam.plans.Plans;
import coach.kam.store.Store;
import coach.kam.store.Tables;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

/**
 * An export written to a file from a store (a copy, by /export after its turn and by the command
 * line): the export service walks the records, and the report and the CSV are written in the rep's
 * language and time zone (English and UTC for everyone's export, unless {@code lang} says otherwise).
 * The store is only read.
 */
public final class StoreExport {
    private StoreExport() {
    }

    /** {@code lang} null keeps the rep's own language (English for everyone's export); the zip goes into {@code dir}. */
    public static Exporter.Export export(Store store, Tables tables, KnowledgeBase knowledge, DataJson.Scope scope,
                                         String lang, Clock clock, Path dir) {
        AccountOverview overview = new AccountOverview(knowledge, new Accounts(), new AccountFacts(), new Plans());
        return export(store, tables, knowledge, overview, scope, lang, clock, Map.of(), dir);
    }

    /** As above, with more files beside the usual ones (name to text). */
    public static Exporter.Export export(Store store, Tables tables, KnowledgeBase knowledge, AccountOverview overview,
                                         DataJson.Scope scope, String lang, Clock clock, Map<String, String> extra,
                                         Path dir) {
        Report report = new Report(knowledge, new Accounts(), new AccountFacts(), overview);
        Messages messages = Messages.load();
        return store.inTransaction(tx -> {
            Optional<Session> rep = scope.users().isEmpty() ? Optional.empty()
                    : Conversation.storedSession(tx, scope.users().iterator().next());
            String language = lang != null ? lang : rep.map(Session::lang).orElse("en");
            Voice voice = new Voice(messages, language, rep.map(StoreExport::zone).orElse(ZoneId.of("UTC")),
                    clock.instant());
            return Exporter.write(tx, tables, scope, voice.now(), report.in(voice), extra, dir);
        });
    }

    private static ZoneId zone(Session s) {
        try {
            return ZoneId.of(s.zone());
        } catch (RuntimeException e) {
            return ZoneId.of("UTC");
        }
    }
}
