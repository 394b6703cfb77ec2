package coach.kam.owndata;

import coach.kam.retrieval.Embedder;
import coach.kam.retrieval.Languages;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One rep's records in memory: their words ({@link RepWords}) and a vector
 * per record, kept as bytes with one scale each (a quarter of the floats' memory). Records are
 * added, replaced and removed one at a time; vectors are filled in later, outside every lock, by
 * {@link OwnIndexes}, and a record without one yet is still found by its words.
 */
final class RepIndex implements AutoCloseable {
    static final int DEPTH = 40;
    static final int RRF_K = 60;
    /** Bytes a record costs beside its text and vector: the map entry, the objects, the strings' headers. */
    private static final int OVERHEAD = 200;

    /** One record with the vector of its text, when it has one. */
    private static final class Doc {
        final OwnRecord record;
        final String model;
        byte[] vector;
        float scale;

        Doc(OwnRecord record) {
            this.record = record;
            this.model = Embedder.modelFor(Languages.detect(record.searchText()));
        }
    }

    /** A record found, with the fused score and the evidence behind it (dense similarity NaN when not compared). */
    record Hit(OwnRecord record, double score, double dense, boolean lexical) {
    }

    private final RepWords words = new RepWords();
    private final Map<String, Doc> docs = new HashMap<>();
    private final Set<String> unembedded = new LinkedHashSet<>();
    private long textBytes;

    synchronized int size() {
        return docs.size();
    }

    /** Adds or replaces a record; its vector is kept when its text did not change. */
    synchronized void put(OwnRecord r) {
        Doc old = docs.get(r.ref());
        if (old != null && old.record.searchText().equals(r.searchText()) && old.record.accountId() == r.accountId()) {
            Doc same = new Doc(r);
            same.vector = old.vector;
            same.scale = old.scale;
            docs.put(r.ref(), same);
            return;
        }
        words.put(r);
        forget(old);
        docs.put(r.ref(), new Doc(r));
        textBytes += 2L * r.searchText().length() + OVERHEAD;
        unembedded.add(r.ref());
    }

    synchronized void remove(String ref) {
        Doc old = docs.remove(ref);
        if (old == null) {
            return;
        }
        forget(old);
        unembedded.remove(ref);
        words.remove(ref);
    }

    private void forget(Doc old) {
        if (old != null) {
            textBytes -= 2L * old.record.searchText().length() + OVERHEAD;
        }
    }

    /** Makes the account's records of one sort ({@code notes} or the others) exactly {@code records}. */
    synchronized void replace(long accountId, boolean notes, List<OwnRecord> records) {
        Set<String> keep = new java.util.HashSet<>();
        records.forEach(r -> keep.add(r.ref()));
        List<String> gone = new ArrayList<>();
        docs.forEach((ref, d) -> {
            if (d.record.accountId() == accountId && d.record.kind().isNote() == notes && !keep.contains(ref)) {
                gone.add(ref);
            }
        });
        gone.forEach(this::remove);
        records.forEach(this::put);
    }

    /** Removes every record of an account. */
    synchronized void removeAccount(long accountId) {
        replace(accountId, true, List.of());
        replace(accountId, false, List.of());
    }

    /** Up to {@code max} records still without a vector: (ref, text). */
    synchronized List<Map.Entry<String, String>> unembedded(int max) {
        List<Map.Entry<String, String>> out = new ArrayList<>();
        for (String ref : unembedded) {
            if (out.size() >= max) {
                break;
            }
            out.add(Map.entry(ref, docs.get(ref).record.searchText()));
        }
        return out;
    }

    synchronized boolean fullyEmbedded() {
        return unembedded.isEmpty();
    }

    /** The model a record's vector must come from. */
    synchronized String modelOf(String ref) {
        Doc d = docs.get(ref);
        return d == null ? null : d.model;
    }

    /** Installs a vector, unless the record changed or went while it was computed. */
    synchronized void vector(String ref, String text, float[] v) {
        Doc d = docs.get(ref);
        if (d == null || !d.record.searchText().equals(text)) {
            return;
        }
        float max = 1e-9f;
        for (float x : v) {
            max = Math.max(max, Math.abs(x));
        }
        byte[] q = new byte[v.length];
        for (int i = 0; i < v.length; i++) {
            q[i] = (byte) Math.round(v[i] / max * 127);
        }
        d.vector = q;
        d.scale = max / 127;
        unembedded.remove(ref);
    }

    /**
     * The best {@code k} records for a question: BM25 over both analysers and, with {@code query}
     * (the question's vector by {@code model}), cosine similarity, fused by reciprocal rank. With an
     * {@code accountId} only that account's records are searched.
     */
    synchronized List<Hit> search(String question, float[] query, String model, Long accountId, int k) {
        List<String> lexical = lexical(question, accountId);
        List<Map.Entry<String, Double>> dense = query == null ? List.of() : dense(query, model, accountId);
        Map<String, Double> fused = new HashMap<>();
        Map<String, Double> similarity = new HashMap<>();
        for (int r = 0; r < lexical.size(); r++) {
            fused.merge(lexical.get(r), 1.0 / (RRF_K + r + 1), Double::sum);
        }
        for (int r = 0; r < dense.size(); r++) {
            fused.merge(dense.get(r).getKey(), 1.0 / (RRF_K + r + 1), Double::sum);
            similarity.put(dense.get(r).getKey(), dense.get(r).getValue());
        }
        Set<String> byWords = new java.util.HashSet<>(lexical);
        List<Hit> hits = new ArrayList<>();
        fused.forEach((ref, s) -> hits.add(new Hit(docs.get(ref).record, s, similarity.getOrDefault(ref, Double.NaN),
                byWords.contains(ref))));
        hits.sort(Comparator.comparingDouble(Hit::score).reversed()
                .thenComparing(h -> h.record().at(), Comparator.nullsLast(Comparator.reverseOrder())));
        return hits.subList(0, Math.min(k, hits.size()));
    }

    private List<String> lexical(String question, Long accountId) {
        List<String> out = new ArrayList<>();
        for (String ref : words.search(question, accountId, DEPTH)) {
            if (docs.containsKey(ref)) {
                out.add(ref);
            }
        }
        return out;
    }

    private List<Map.Entry<String, Double>> dense(float[] query, String model, Long accountId) {
        java.util.PriorityQueue<Map.Entry<String, Double>> best = new java.util.PriorityQueue<>(
                Map.Entry.comparingByValue());
        for (Map.Entry<String, Doc> e : docs.entrySet()) {
            Doc d = e.getValue();
            if (d.vector == null || !d.model.equals(model) || accountId != null && d.record.accountId() != accountId) {
                continue;
            }
            double s = dot(query, d.vector) * d.scale;
            if (best.size() < DEPTH) {
                best.add(Map.entry(e.getKey(), s));
            } else if (s > best.peek().getValue()) {
                best.poll();
                best.add(Map.entry(e.getKey(), s));
            }
        }
        List<Map.Entry<String, Double>> out = new ArrayList<>(best);
        out.sort(Map.Entry.<String, Double>comparingByValue().reversed());
        return out;
    }

    private static double dot(float[] q, byte[] v) {
        double s = 0;
        for (int i = 0, n = Math.min(q.length, v.length); i < n; i++) {
            s += q[i] * v[i];
        }
        return s;
    }

    /** What this index holds in memory, roughly: texts, vectors, bookkeeping and the Lucene files. */
    synchronized long memoryBytes() {
        long vectors = 0;
        for (Doc d : docs.values()) {
            vectors += d.vector == null ? 0 : d.vector.length + 16;
        }
        return textBytes + vectors + words.memoryBytes();
    }

    @Override
    public synchronized void close() {
        words.close();
    }
}
