package coach.kam.owndata;

import coach.kam.accounts.Account;
import coach.kam.accounts.Accounts;
import coach.kam.accounts.Note;
import coach.kam.conversation.commands.PlanRecords;
import coach.kam.conversation.commands.WalkAnswers;
import coach.kam.deals.Deals;
import coach.kam.flows.AccountFacts;
import coach.kam.flows.Answer;
import coach.kam.knowledge.Flow;
import coach.kam.knowledge.KnowledgeBase;
import coach.kam.plans.Plans;
import coach.kam.store.Store;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The evaluation set (src/test/resources/owndata/questions.yaml), seeded through the project's own writers. */
record OwnDataSet(List<AccountData> accounts, List<Question> questions) {

    record AccountData(String key, String name, List<NoteData> notes, List<DealData> deals, List<FieldData> fields) {
    }

    record NoteData(String id, LocalDate day, String text) {
    }

    record DealData(String id, String title, BigDecimal amount, String stage, LocalDate close, String next) {
    }

    record FieldData(String id, String field, String value) {
    }

    record Question(String account, String q, String answer) {
    }

    /** Where the seeded records landed: the set's ids to the records' refs, the account keys to ids. */
    record Seeded(Map<String, String> refs, Map<String, Long> accountIds) {
    }

    static OwnDataSet load() {
        try {
            return new ObjectMapper(new YAMLFactory()).findAndRegisterModules()
                    .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(Path.of("src/test/resources/owndata/questions.yaml").toFile(), OwnDataSet.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes every account of the set for {@code owner}, each text with {@code suffix} added. */
    Seeded seed(Store store, KnowledgeBase kb, long owner, String suffix) {
        Accounts accounts = new Accounts();
        Deals deals = new Deals();
        AccountFacts facts = new AccountFacts();
        Flow profile = kb.flow("profile").orElseThrow();
        Map<String, String> refs = new HashMap<>();
        Map<String, Long> ids = new HashMap<>();
        store.inTransaction(tx -> {
            for (AccountData ad : accounts()) {
                Instant created = Instant.parse("2026-06-01T00:00:00Z");
                Account a = accounts.create(tx, owner, ad.name(), created);
                ids.put(ad.key(), a.id());
                for (NoteData n : ad.notes()) {
                    Note saved = accounts.addNote(tx, a, Note.text(a.id(), n.text() + suffix, at(n.day())));
                    refs.put(n.id(), "n:" + saved.id());
                }
                for (DealData d : ad.deals() == null ? List.<DealData>of() : ad.deals()) {
                    var deal = deals.create(tx, owner, a.id(), d.title() + suffix, d.amount(), d.stage(), d.close(), d.next(),
                            created);
                    refs.put(d.id(), "d:" + deal.id());
                }
                for (FieldData f : ad.fields() == null ? List.<FieldData>of() : ad.fields()) {
                    Flow.Step step = profile.steps().stream().filter(s -> f.field().equals(s.field())).findFirst().orElseThrow();
                    facts.putFields(tx, a, Map.of(f.field(), new AccountFacts.Field("profile", profile.version(), step.id(),
                            Answer.of(f.value() + suffix), created)));
                    refs.put(f.id(), "f:" + a.id() + ":" + f.field());
                }
            }
            return null;
        });
        return new Seeded(refs, ids);
    }

    static Instant at(LocalDate day) {
        return day.atTime(9, 0).toInstant(ZoneOffset.UTC);
    }

    static RecordReader reader(KnowledgeBase kb) {
        return new RecordReader(new Accounts(), new Deals(), List.of(new WalkAnswers(kb, new AccountFacts()),
                new PlanRecords(new Plans(), kb)));
    }
}
