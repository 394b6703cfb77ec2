package coach.kam.owndata;

import coach.kam.accounts.Account;
import coach.kam.retrieval.Embedder;
import coach.kam.store.Store;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The reps' record indexes: built when a rep first asks (each account read in its own short
 * transaction), told of every note written after its commit, and evicted, least recently used
 * first, once together they hold more than the memory budget. Vectors are computed outside the
 * store's lock and outside the index's own lock.
 */
public final class OwnIndexes {
    /** Memory for all reps' indexes together at most; a rep with 10,000 notes takes about 10 MB. */
    public static final long DEFAULT_BUDGET_BYTES = 64L << 20;

    /** The budget for this JVM: an eighth of the heap (16 MB at the bot's 128 MB), at most the default. */
    public static long budgetForHeap() {
        return Math.min(DEFAULT_BUDGET_BYTES, Runtime.getRuntime().maxMemory() / 8);
    }
    /** Records embedded by a question before it is searched; the rest are embedded in the background. */
    static final int EMBED_PER_QUESTION = 256;
    /** How long the non-note records of an account read by a /search stay trusted. */
    static final Duration OTHERS_FRESH = Duration.ofMinutes(1);

    private final Store store;
    private final RecordReader reader;
    private final Supplier<Optional<Embedder>> embedder;
    private final long budget;
    private final Clock clock;
    private final LinkedHashMap<Long, CompletableFuture<Rep>> loaded = new LinkedHashMap<>(16, 0.75f, true);
    private final Embedding background;

    /** A rep's index with the changes not yet applied and when each account's other records were read. */
    static final class Rep {
        final RepIndex index = new RepIndex();
        final Map<Long, java.util.Set<Long>> changedNotes = new HashMap<>();
        final java.util.Set<Long> changedAccounts = new java.util.HashSet<>();
        final Map<Long, Instant> othersRead = new ConcurrentHashMap<>();
    }

    public OwnIndexes(Store store, RecordReader reader, Supplier<Optional<Embedder>> embedder, long budgetBytes,
                      Clock clock) {
        this.store = store;
        this.reader = reader;
        this.embedder = embedder;
        this.budget = budgetBytes;
        this.clock = clock;
        this.background = new Embedding(this);
    }

    /** After a commit that added, changed, moved or deleted a note of this rep. */
    public void noteChanged(long ownerId, long accountId, long noteId) {
        withLoaded(ownerId, r -> r.changedNotes.computeIfAbsent(accountId, k -> new java.util.HashSet<>()).add(noteId));
    }

    /** After a commit that deleted an account (or changed many of its records at once). */
    public void accountChanged(long ownerId, long accountId) {
        withLoaded(ownerId, r -> r.changedAccounts.add(accountId));
    }

    private void withLoaded(long ownerId, java.util.function.Consumer<Rep> change) {
        CompletableFuture<Rep> f;
        synchronized (this) {
            f = loaded.get(ownerId);
        }
        if (f != null) {
            // a rep still being built is changed once it is ready, and its build reads after this commit anyway
            f.thenAccept(r -> {
                synchronized (r) {
                    change.accept(r);
                }
            });
        }
    }

    /** The rep's index with every committed change applied; built first when the rep has none. */
    Rep rep(long ownerId) {
        CompletableFuture<Rep> f;
        boolean build = false;
        synchronized (this) {
            f = loaded.get(ownerId);
            if (f == null) {
                f = new CompletableFuture<>();
                loaded.put(ownerId, f);
                build = true;
            }
        }
        if (build) {
            try {
                f.complete(build(ownerId));
            } catch (RuntimeException | Error e) {
                synchronized (this) {
                    loaded.remove(ownerId);
                }
                f.completeExceptionally(e);
                throw e;
            }
            evict(ownerId);
        }
        Rep rep = f.join();
        applyChanges(ownerId, rep);
        return rep;
    }

    private Rep build(long ownerId) {
        Rep rep = new Rep();
        List<Account> accounts = store.inTransaction(tx -> reader.accounts(tx, ownerId));
        for (Account a : accounts) {
            readAccount(ownerId, rep, a.id());
        }
        return rep;
    }

    /** Reads one account again, in a transaction of its own; an account that is gone loses its records. */
    private void readAccount(long ownerId, Rep rep, long accountId) {
        record Read(List<OwnRecord> notes, List<OwnRecord> others) {
        }
        Optional<Read> read = store.inTransaction(tx -> reader.account(tx, ownerId, accountId)
                .map(a -> new Read(reader.notes(tx, a), reader.others(tx, a))));
        if (read.isEmpty()) {
            rep.index.removeAccount(accountId);
            return;
        }
        rep.index.replace(accountId, true, read.get().notes());
        rep.index.replace(accountId, false, read.get().others());
        rep.othersRead.put(accountId, clock.instant());
    }

    private void applyChanges(long ownerId, Rep rep) {
        Map<Long, java.util.Set<Long>> notes;
        List<Long> accounts;
        synchronized (rep) {
            notes = new HashMap<>(rep.changedNotes);
            accounts = new ArrayList<>(rep.changedAccounts);
            rep.changedNotes.clear();
            rep.changedAccounts.clear();
        }
        accounts.forEach(id -> readAccount(ownerId, rep, id));
        notes.keySet().removeAll(accounts);
        if (notes.isEmpty()) {
            return;
        }
        Map<String, Optional<OwnRecord>> now = store.inTransaction(tx -> {
            Map<String, Optional<OwnRecord>> out = new HashMap<>();
            notes.forEach((accountId, ids) -> {
                Optional<Account> a = reader.account(tx, ownerId, accountId);
                // a moved note is gone from one account and there on the other: the one where it is wins
                ids.forEach(id -> out.merge("n:" + id, a.flatMap(acc -> reader.note(tx, acc, id)),
                        (x, y) -> x.isPresent() ? x : y));
            });
            return out;
        });
        now.forEach((ref, r) -> r.ifPresentOrElse(rep.index::put, () -> rep.index.remove(ref)));
    }

    /** Reads the account's deals, plans, reminders and answers again when they are older than {@code fresh}. */
    void refreshOthers(long ownerId, Rep rep, long accountId, Duration fresh) {
        Instant read = rep.othersRead.get(accountId);
        if (read != null && !read.plus(fresh).isBefore(clock.instant())) {
            return;
        }
        Optional<List<OwnRecord>> others = store.inTransaction(tx -> reader.account(tx, ownerId, accountId)
                .map(a -> reader.others(tx, a)));
        if (others.isEmpty()) {
            rep.index.removeAccount(accountId);
            rep.othersRead.remove(accountId);
            return;
        }
        rep.index.replace(accountId, false, others.get());
        rep.othersRead.put(accountId, clock.instant());
    }

    /** The account ids of a rep's records index, for a /search over all of them. */
    List<Long> accountIds(long ownerId) {
        return store.inTransaction(tx -> reader.accounts(tx, ownerId).stream().map(Account::id).toList());
    }

    /** Embeds up to {@code max} records of the rep that have no vector yet; returns how many. */
    int embed(Rep rep, int max) {
        Optional<Embedder> e = embedder.get();
        if (e.isEmpty()) {
            return 0;
        }
        List<Map.Entry<String, String>> todo = rep.index.unembedded(max);
        Map<String, List<Map.Entry<String, String>>> byModel = new HashMap<>();
        for (Map.Entry<String, String> t : todo) {
            String model = rep.index.modelOf(t.getKey());
            if (model != null) {
                byModel.computeIfAbsent(model, m -> new ArrayList<>()).add(t);
            }
        }
        byModel.forEach((model, items) -> {
            String lang = Embedder.EN_MODEL_NAME.equals(model) ? "en" : "zh";
            List<float[]> vectors = e.get().embedAll(items.stream().map(Map.Entry::getValue).toList(), lang);
            for (int i = 0; i < items.size(); i++) {
                rep.index.vector(items.get(i).getKey(), items.get(i).getValue(), vectors.get(i));
            }
        });
        return todo.size();
    }

    Optional<Embedder> embedder() {
        return embedder.get();
    }

    /** Asks the background to embed the rest of a rep's records. */
    void embedLater(long ownerId) {
        background.add(ownerId);
    }

    /** The rep's index if it is in memory (the background embeds only those). */
    synchronized Optional<Rep> ifLoaded(long ownerId) {
        CompletableFuture<Rep> f = loaded.get(ownerId);
        return f != null && f.isDone() && !f.isCompletedExceptionally() ? Optional.of(f.join()) : Optional.empty();
    }

    /** Drops the least recently used indexes (never {@code keep}) while all together are over the budget. */
    private void evict(long keep) {
        List<RepIndex> dropped = new ArrayList<>();
        synchronized (this) {
            long total = 0;
            for (CompletableFuture<Rep> f : loaded.values()) {
                total += f.isDone() && !f.isCompletedExceptionally() ? f.join().index.memoryBytes() : 0;
            }
            for (Iterator<Map.Entry<Long, CompletableFuture<Rep>>> it = loaded.entrySet().iterator();
                 it.hasNext() && total > budget; ) {
                Map.Entry<Long, CompletableFuture<Rep>> e = it.next();
                if (e.getKey() != keep && e.getValue().isDone() && !e.getValue().isCompletedExceptionally()) {
                    RepIndex index = e.getValue().join().index;
                    total -= index.memoryBytes();
                    dropped.add(index);
                    it.remove();
                }
            }
        }
        dropped.forEach(RepIndex::close);
    }

    /** How many reps have an index in memory, and what they hold. */
    public synchronized long memoryBytes() {
        long total = 0;
        for (CompletableFuture<Rep> f : loaded.values()) {
            total += f.isDone() && !f.isCompletedExceptionally() ? f.join().index.memoryBytes() : 0;
        }
        return total;
    }

    public synchronized int loadedReps() {
        return loaded.size();
    }

    /** Embeds every record of the rep now (tests and the benchmark; the bot lets the background do it). */
    public void settle(long ownerId) {
        Rep rep = rep(ownerId);
        while (embed(rep, 512) > 0) {
            // until every record has its vector
        }
    }

    /** The memory of one rep's index (building it when needed). */
    public long memoryBytes(long ownerId) {
        return rep(ownerId).index.memoryBytes();
    }
}
