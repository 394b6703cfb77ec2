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

    /** The key of a record's second text (its Chinese wording), beside its ref. */
    private static final String ALT = "#zh";

    /** One text of a record with its vector by the model of its language, when it has one. */
    private static final class View {
        final String key;
        final String text;
        final String model;
        byte[] vector;
        float scale;

        View(String key, String text) {
            this.key = key;
            this.text = text;
            this.model = Embedder.modelFor(Languages.detect(text));
        }
    }

    /**
     * One record: a view per wording, so a record kept in both languages (a walkthrough answer, a
     * plan item) is compared with a question of either language by that language's model.
     */
    private static final class Doc {
        final OwnRecord record;
        final List<View> views;

        Doc(OwnRecord r) {
            this.record = r;
            this.views = r.textZh() == null || r.textZh().equals(r.text()) ? List.of(new View(r.ref(), r.text()))
                    : List.of(new View(r.ref(), r.text()), new View(r.ref() + ALT, r.textZh()));
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
            for (int i = 0; i < same.views.size(); i++) {
                same.views.get(i).vector = old.views.get(i).vector;
                same.views.get(i).scale = old.views.get(i).scale;
            }
            docs.put(r.ref(), same);
            return;
        }
        words.put(r);
        forget(old);
        Doc doc = new Doc(r);
        docs.put(r.ref(), doc);
        textBytes += 2L * r.searchText().length() + OVERHEAD;
        doc.views.forEach(v -> unembedded.add(v.key));
    }

    synchronized void remove(String ref) {
        Doc old = docs.remove(ref);
        if (old == null) {
            return;
        }
        forget(old);
        old.views.forEach(v -> unembedded.remove(v.key));
        words.remove(ref);
    }

    private void forget(Doc old) {
        if (old != null) {
            old.views.forEach(v -> unembedded.remove(v.key));
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

    /** The view a key names (a ref, or a ref and {@link #ALT}), or null when its record is gone. */
    private View view(String key) {
        String ref = key.endsWith(ALT) ? key.substring(0, key.length() - ALT.length()) : key;
        Doc d = docs.get(ref);
        if (d == null) {
            return null;
        }
        for (View v : d.views) {
            if (v.key.equals(key)) {
                return v;
            }
        }
        return null;
    }

    /** Up to {@code max} texts still without a vector: (key, text). */
    synchronized List<Map.Entry<String, String>> unembedded(int max) {
        List<Map.Entry<String, String>> out = new ArrayList<>();
        for (String ref : unembedded) {
            if (out.size() >= max) {
                break;
            }
            out.add(Map.entry(ref, view(ref).text));
        }
        return out;
    }

    synchronized boolean fullyEmbedded() {
        return unembedded.isEmpty();
    }

    /** The model a text's vector must come from. */
    synchronized String modelOf(String key) {
        View v = view(key);
        return v == null ? null : v.model;
    }

    /** Installs a vector, unless the record changed or went while it was computed. */
    synchronized void vector(String key, String text, float[] v) {
        View d = view(key);
        if (d == null || !d.text.equals(text)) {
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
        unembedded.remove(key);
    }

    /**
     * The best {@code k} records for a question: BM25 over both analysers and, with {@code query}
     * (the question's vector by {@code model}), cosine similarity, fused by reciprocal rank. With an
     * {@code accountId} only that account's records are searched.
     */
    synchronized List<Hit> search(String question, String lang, float[] query, String model, Long accountId, int k) {
        List<String> lexical = lexical(question, lang, accountId);
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

    private List<String> lexical(String question, String lang, Long accountId) {
        List<String> out = new ArrayList<>();
        for (String ref : words.search(question, lang, accountId, DEPTH)) {
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
            if (accountId != null && d.record.accountId() != accountId) {
                continue;
            }
            double s = Double.NEGATIVE_INFINITY;
            for (View v : d.views) {
                if (v.vector != null && v.model.equals(model)) {
                    s = Math.max(s, dot(query, v.vector) * v.scale);
                }
            }
            if (s == Double.NEGATIVE_INFINITY) {
                continue;
            }
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
            for (View v : d.views) {
                vectors += v.vector == null ? 0 : v.vector.length + 16;
            }
        }
        return textBytes + vectors + words.memoryBytes();
    }

    @Override
    public synchronized void close() {
        words.close();
    }
}
