package coach.kam.retrieval;

import coach.kam.store.Store;
import coach.kam.store.Keys;
import coach.kam.store.Table;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Chunk vectors kept in the store, keyed by a hash of the model name and the text: an unchanged
 * knowledge folder needs no embedding work at start, and an edited section is recomputed alone.
 */
public final class EmbeddingCache {
    /** One cached vector. */
    public record Vector(float[] values) {
    }

    private static final Table<Vector> VECTORS = Table.operational("embeddings", Vector.class);

    /** The tables kept here, for the program's catalogue ({@code coach.kam.Catalogue}). */
    public static final List<Table<?>> TABLES = List.of(VECTORS);
    private final Store store;
    private final String model;
    private int computed;

    public EmbeddingCache(Store store, String model) {
        this.store = store;
        this.model = model;
    }

    /**
     * Vectors for all texts: the ones packed in the jar first, then the ones cached in the store;
     * only the missing ones are computed (in one batch) with {@code embed} and cached.
     */
    public List<float[]> vectors(List<String> texts, Function<List<String>, List<float[]>> embed) {
        List<String> keys = texts.stream().map(t -> key(model, t)).toList();
        Map<String, float[]> packed = PrebuiltVectors.packed();
        List<float[]> out = new ArrayList<>();
        List<Integer> missing = new ArrayList<>();
        List<Integer> unpacked = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            float[] v = packed.get(keys.get(i));
            out.add(v);
            if (v == null) {
                unpacked.add(i);
            }
        }
        if (!unpacked.isEmpty()) {
            store.inTransaction(tx -> {
                for (int i : unpacked) {
                    Optional<Vector> v = tx.get(VECTORS, keys.get(i));
                    out.set(i, v.map(Vector::values).orElse(null));
                    if (v.isEmpty()) {
                        missing.add(i);
                    }
                }
                return null;
            });
        }
        if (missing.isEmpty()) {
            return out;
        }
        List<float[]> fresh = embed.apply(missing.stream().map(texts::get).toList());
        store.inTransaction(tx -> {
            for (int m = 0; m < missing.size(); m++) {
                int i = missing.get(m);
                out.set(i, fresh.get(m));
                tx.put(VECTORS, keys.get(i), new Vector(fresh.get(m)));
            }
            return null;
        });
        synchronized (this) {
            computed += missing.size();
        }
        return out;
    }

    /** How many vectors this cache had to compute since it was made. */
    public synchronized int computed() {
        return computed;
    }

    static String key(String model, String text) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(model.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            return Keys.path(HexFormat.of().formatHex(sha.digest(text.getBytes(StandardCharsets.UTF_8))));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
