package coach.kam.cli;

import coach.kam.config.Config;

import coach.kam.knowledge.KnowledgeBase;
import coach.kam.knowledge.KnowledgeLoader;
import coach.kam.retrieval.Embedder;
import coach.kam.retrieval.SearchIndexes;
import coach.kam.store.MapDbStore;
import coach.kam.store.StoreException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Shared set-up of the one-shot tools (ask, objection): the knowledge, the search indexes with the
 * embedding cache of the data folder (or a throw-away one when the bot holds that folder), and
 * the input: one argument, or one line at a time from standard input.
 */
final class OneShot implements AutoCloseable {
    final KnowledgeBase knowledge;
    final SearchIndexes.Ready indexes;
    final PrintStream out = Main.utf8Out();
    private final MapDbStore store;
    private final Path scratch;

    private OneShot(KnowledgeBase knowledge, MapDbStore store, SearchIndexes.Ready indexes, Path scratch) {
        this.knowledge = knowledge;
        this.store = store;
        this.indexes = indexes;
        this.scratch = scratch;
    }

    static OneShot open(Config config) throws IOException {
        KnowledgeBase kb = KnowledgeLoader.load(config.knowledgeDir().orElse(null));
        MapDbStore store;
        Path scratch = null;
        try {
            store = MapDbStore.open(config.dataDir());
        } catch (StoreException busy) {
            scratch = Files.createTempDirectory("kam-coach-cache");
            System.err.println("kam-coach: " + busy.getMessage() + "; using a temporary embedding cache");
            store = MapDbStore.open(scratch);
        }
        try {
            return new OneShot(kb, store, SearchIndexes.build(kb, store, Embedder.loadInBackground()), scratch);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    MapDbStore store() {
        return store;
    }

    /** Runs {@code each} on the argument, or on every non-blank line of standard input. */
    static void forEachInput(String argument, Consumer<String> each) throws IOException {
        if (argument != null) {
            each.accept(argument);
            return;
        }
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            if (!line.isBlank()) {
                each.accept(line.strip());
            }
        }
    }

    @Override
    public void close() {
        store.close();
        if (scratch != null) {
            try (var files = Files.walk(scratch)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a temporary folder left behind is harmless
            }
        }
    }
}
