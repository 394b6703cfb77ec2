package coach.kam.export;

import coach.kam.accounts.Account;
import coach.kam.accounts.Accounts;
import coach.kam.accounts.Note;
import coach.kam.flows.AccountFacts;
import coach.kam.knowledge.Flow;
import coach.kam.knowledge.KnowledgeBase;
import coach.kam.store.Tx;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Applies a plan's rows, possibly in several transactions (a chunk each, so other reps are
 * answered in between): each account name is looked up in a map made once, and each account's
 * note texts are read once, so the work grows with the rows, not with rows times accounts.
 * Applying a row twice changes nothing the second time.
 */
public final class ImportApplier {
    private final Accounts accounts;
    private final AccountFacts facts;
    private final Optional<Flow.Classification> classes;
    private final long userId;
    private final Instant now;
    private Map<String, Account> byName;
    private final Map<Long, java.util.Set<String>> noteTexts = new java.util.HashMap<>();
    private int created;
    private int updated;

    public ImportApplier(Accounts accounts, AccountFacts facts, KnowledgeBase knowledge, long userId, Instant now) {
        this.accounts = accounts;
        this.facts = facts;
        this.classes = knowledge.flow("classify").map(Flow::classification);
        this.userId = userId;
        this.now = now;
    }

    public CsvImport.Applied applied() {
        return new CsvImport.Applied(created, updated);
    }

    public void apply(Tx tx, List<CsvImport.Row> rows) {
        if (byName == null) {
            byName = new java.util.HashMap<>();
            accounts.list(tx, userId).forEach(a -> byName.putIfAbsent(CsvImport.sameName(a.name()), a));
        }
        for (CsvImport.Row row : rows) {
            applyRow(tx, row);
        }
    }

    private void applyRow(Tx tx, CsvImport.Row row) {
        String key = CsvImport.sameName(row.name());
        Account a = byName.get(key);
        if (a != null) {
            String held = facts.classification(tx, a).map(AccountFacts.Classification::accountClass).orElse("");
            boolean newClass = !row.accountClass().isEmpty() && !row.accountClass().equals(held);
            boolean newNote = !row.note().isEmpty() && !texts(tx, a).contains(row.note());
            if (!newClass && !newNote) {
                // imported before, or says what the account holds already
                return;
            }
            updated++;
        } else {
            a = accounts.create(tx, userId, row.name(), now);
            byName.put(key, a);
            noteTexts.put(a.id(), new java.util.HashSet<>());
            created++;
        }
        boolean sameClass = row.accountClass().equals(facts.classification(tx, a)
                .map(AccountFacts.Classification::accountClass).orElse(""));
        if (!row.accountClass().isEmpty() && !sameClass) {
            Optional<Flow.AccountClass> c = classes.flatMap(x -> x.accountClass(row.accountClass()));
            if (c.isPresent()) {
                facts.putClassification(tx, a, new AccountFacts.Classification(c.get().id(), c.get().visitEveryDays(),
                        c.get().reviewEveryDays(), now));
            }
        }
        if (!row.note().isEmpty() && texts(tx, a).add(row.note())) {
            accounts.addNote(tx, a, Note.text(a.id(), row.note(), now));
        }
    }

    private java.util.Set<String> texts(Tx tx, Account a) {
        return noteTexts.computeIfAbsent(a.id(), id -> CsvImport.noteTexts(tx, accounts, a));
    }
}
