package coach.kam.practice;

import coach.kam.accounts.Account;
import coach.kam.accounts.Accounts;
import coach.kam.accounts.Note;
import coach.kam.intent.Intent;
import coach.kam.intent.IntentReader;
import coach.kam.intent.Reading;
import coach.kam.knowledge.KnowledgeBase;
import coach.kam.knowledge.Objection;
import coach.kam.store.Tx;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which objection a rep drills next: one whose review day has come (missed ones come back the next
 * day), else one the rep met and rated 👎, else one met in their notes (logged as an objection, or
 * the newest few notes of the customer's words matched to one; most often first), else one never
 * practised, else the one due soonest. Only the rep's own records are read: their practice
 * items and the objections logged on their most recent accounts.
 */
public final class Drills {
    /** Why an objection was chosen: due, disliked (👎), met, new or again. */
    public record Pick(String objectionId, String why) {
    }

    /** Accounts whose logged objections are read; a rep with more is read from the newest. */
    static final int ACCOUNTS_READ = 50;

    /** Notes read as the customer's words that are matched to an objection, newest first. */
    static final int WORDS_MATCHED = 5;

    private final KnowledgeBase knowledge;
    private final Accounts accounts;
    private final PracticeStore store;
    private java.util.function.Function<String, Optional<String>> matcher = text -> Optional.empty();

    public Drills(KnowledgeBase knowledge, Accounts accounts, PracticeStore store) {
        this.knowledge = knowledge;
        this.accounts = accounts;
        this.store = store;
    }

    /**
     * Reads notes that hold the customer's words ("客户说太贵了") with {@code matcher} (text to the
     * objection it surely is), so an objection met but not logged as one counts as met too.
     */
    Drills matching(java.util.function.Function<String, Optional<String>> objectionOf) {
        this.matcher = objectionOf;
        return this;
    }

    /** The objections whose scripts the rep voted "it did not work" on an objection card. */
    Drills votedDown(java.util.function.BiFunction<Tx, Long, java.util.Set<String>> disliked) {
        this.votedDown = disliked;
        return this;
    }

    private java.util.function.BiFunction<Tx, Long, java.util.Set<String>> votedDown = (tx, rep) -> java.util.Set.of();

    public Optional<Pick> next(Tx tx, long rep, LocalDate today) {
        List<PracticeStore.Item> items = store.items(tx, rep, PracticeStore.DRILL);
        Optional<PracticeStore.Item> due = items.stream().filter(i -> !i.due().isAfter(today))
                .filter(i -> knowledge.objection(i.ref()).isPresent())
                .min(Comparator.comparing(PracticeStore.Item::due).thenComparingInt(PracticeStore.Item::lastGrade));
        if (due.isPresent()) {
            return Optional.of(new Pick(due.get().ref(), "due"));
        }
        Set<String> practised = new HashSet<>();
        items.forEach(i -> practised.add(i.ref()));
        Map<String, Integer> met = new HashMap<>();
        Set<String> disliked = new HashSet<>(votedDown.apply(tx, rep));
        List<Account> newest = accounts.list(tx, rep).stream()
                .sorted(Comparator.comparingLong(Account::id).reversed()).limit(ACCOUNTS_READ).toList();
        List<Map.Entry<java.time.Instant, String>> words = new java.util.ArrayList<>();
        for (Account a : newest) {
            for (Note n : accounts.notes(tx, a)) {
                if (n.objectionId() != null) {
                    met.merge(n.objectionId(), 1, Integer::sum);
                    if (Boolean.FALSE.equals(n.worked())) {
                        disliked.add(n.objectionId());
                    }
                } else if (n.kind() == Note.Kind.NOTE && n.text() != null && n.at() != null) {
                    Reading r = IntentReader.read(n.text());
                    if (r.intent() == Intent.CUSTOMER_WORDS) {
                        words.add(Map.entry(n.at(), r.customerWords()));
                    }
                }
            }
        }
        words.stream().sorted(Map.Entry.<java.time.Instant, String>comparingByKey().reversed()).limit(WORDS_MATCHED)
                .forEach(w -> matcher.apply(w.getValue()).ifPresent(id -> met.merge(id, 1, Integer::sum)));
        Optional<String> pick = disliked.stream().filter(id -> !practised.contains(id)).sorted().findFirst();
        if (pick.isPresent()) {
            return Optional.of(new Pick(pick.get(), "disliked"));
        }
        pick = met.entrySet().stream().filter(e -> !practised.contains(e.getKey()))
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).findFirst();
        if (pick.isPresent()) {
            return Optional.of(new Pick(pick.get(), "met"));
        }
        pick = knowledge.objections().stream().map(Objection::id).filter(id -> !practised.contains(id)).findFirst();
        if (pick.isPresent()) {
            return Optional.of(new Pick(pick.get(), "new"));
        }
        return items.stream().min(Comparator.comparing(PracticeStore.Item::due))
                .map(i -> new Pick(i.ref(), "again"));
    }

    /** The next quiz question: a due one first, then one never asked, then the one due soonest. */
    public Optional<Quizzes.Question> nextQuestion(Tx tx, long rep, LocalDate today, Quizzes quizzes) {
        List<PracticeStore.Item> items = store.items(tx, rep, PracticeStore.QUIZ);
        Optional<Quizzes.Question> due = items.stream().filter(i -> !i.due().isAfter(today))
                .sorted(Comparator.comparing(PracticeStore.Item::due))
                .map(i -> quizzes.get(i.ref())).flatMap(Optional::stream).findFirst();
        if (due.isPresent()) {
            return due;
        }
        Set<String> asked = new HashSet<>();
        items.forEach(i -> asked.add(i.ref()));
        Optional<Quizzes.Question> fresh = quizzes.all().stream().filter(q -> !asked.contains(q.id())).findFirst();
        if (fresh.isPresent()) {
            return fresh;
        }
        return items.stream().sorted(Comparator.comparing(PracticeStore.Item::due))
                .map(i -> quizzes.get(i.ref())).flatMap(Optional::stream).findFirst();
    }
}
