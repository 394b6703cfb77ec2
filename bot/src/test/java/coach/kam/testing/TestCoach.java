package coach.kam.testing;

import coach.kam.KamCoach;
import coach.kam.config.Config;
import coach.kam.knowledge.KnowledgeBase;
import coach.kam.knowledge.KnowledgeLoader;
import coach.kam.retrieval.Embedder;
import coach.kam.retrieval.SearchIndexes;
import coach.kam.store.MapDbStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * The real core for tests: the project's knowledge folder, a real MapDB file, the real embedding
 * model. The search indexes are built once per test JVM (a few seconds) and shared.
 */
public final class TestCoach {
    public static final Path KNOWLEDGE = Path.of("../knowledge");
    private static KnowledgeBase knowledge;
    private static SearchIndexes.Ready indexes;

    private TestCoach() {
    }

    public static synchronized KnowledgeBase knowledge() {
        if (knowledge == null) {
            knowledge = KnowledgeLoader.load(KNOWLEDGE);
        }
        return knowledge;
    }

    /** Built once; the embedding cache lives in its own throw-away store. */
    public static synchronized SearchIndexes.Ready indexes() {
        if (indexes == null) {
            try {
                Path cacheDir = Files.createTempDirectory("kam-test-embeddings");
                MapDbStore cache = MapDbStore.open(cacheDir);
                indexes = SearchIndexes.build(knowledge(), cache, Embedder.load());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return indexes;
    }

    /** A manager (KAM_ADMINS) in every test coach, for team digests. */
    public static final long MANAGER = 900;

    public static Config config(Path dataDir) {
        return Config.fromEnvironment(Map.of("KAM_DATA_DIR", dataDir.toString(), "KAM_KNOWLEDGE_DIR", KNOWLEDGE.toString(),
                "KAM_ADMINS", Long.toString(MANAGER)));
    }

    /** A coach on {@code dataDir} with ready indexes and no language model. */
    public static KamCoach start(Path dataDir, Clock clock) {
        MapDbStore store = MapDbStore.open(dataDir);
        return KamCoach.assemble(config(dataDir), clock, knowledge(), store, SearchIndexes.of(indexes()), Optional.empty());
    }
}
