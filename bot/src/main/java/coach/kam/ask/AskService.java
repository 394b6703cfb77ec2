package coach.kam.ask;

import coach.kam.retrieval.SearchIndexes;
import coach.kam.store.Store;
import coach.kam.store.Keys;
import coach.kam.store.Table;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Answers methodology questions: extractive and offline by default; through a language model when
 * one is configured, with the extractive answer as the fallback, so the rep always gets one.
 */
public final class AskService {
    static final int QUESTION_LIMIT = 500;
    static final int MEMORY_TURNS = 3;
    static final Duration INDEX_WAIT = Duration.ofSeconds(120);

    /** The last few exchanges of one chat, for follow-up questions to the model. */
    public record Memory(List<LlmAnswerer.Exchange> exchanges) {
    }

    private static final Table<Memory> MEMORY = Table.owned("ask-memory", Memory.class);

    /** The tables kept here, for the program's catalogue ({@code coach.kam.Catalogue}). */
    public static final List<Table<?>> TABLES = List.of(MEMORY);
    private final SearchIndexes indexes;
    private final Optional<LlmAnswerer> llm;
    private final Store store;

    public AskService(SearchIndexes indexes, Optional<LlmAnswerer> llm, Store store) {
        this.indexes = indexes;
        this.llm = llm;
        this.store = store;
    }

    public boolean ready() {
        return indexes.ifReady().isPresent();
    }

    /** Blocks until the search index is built (never on the chat transaction). */
    public void awaitReady() {
        indexes.await(INDEX_WAIT);
    }

    /** With a model configured, its answer from the rep's numbered records (see {@link LlmAnswerer#fromRecords}). */
    public Optional<String> fromRecords(String question, List<String> records, String lang) {
        return llm.flatMap(m -> m.fromRecords(question, records, lang));
    }

    public boolean usesModel() {
        return llm.isPresent();
    }

    /** Answers at once from the sections; the index must be ready. */
    public Answer answerNow(String question) {
        return extractive().answer(trim(question));
    }

    /** Waits for the index if needed, asks the model when configured; never throws for a model failure. */
    public Answer answer(long userId, String question, List<String> notes) {
        String q = trim(question);
        ExtractiveAnswerer answerer = extractive();
        ExtractiveAnswerer.Evidence evidence = answerer.evidence(q);
        Answer plain = answerer.answer(evidence);
        List<LlmAnswerer.Exchange> memory = store.inTransaction(tx -> tx.get(MEMORY, Keys.of(userId)))
                .map(Memory::exchanges).orElse(List.of());
        Optional<String> written = llm.isPresent() && evidence.covered()
                ? llm.get().answer(evidence, memory, notes) : Optional.empty();
        Answer answer = written.map(text -> new Answer(q, plain.lang(), text, plain.sources(), true,
                plain.closestTopics(), "llm")).orElse(plain);
        store.inTransaction(tx -> {
            if (written.isPresent()) {
                List<LlmAnswerer.Exchange> kept = new ArrayList<>(memory);
                kept.add(new LlmAnswerer.Exchange(q, written.get()));
                tx.put(MEMORY, Keys.of(userId), new Memory(List.copyOf(kept.subList(Math.max(0, kept.size() - MEMORY_TURNS), kept.size()))));
            }
            LastAnswer.save(tx, userId, answer);
            return null;
        });
        return answer;
    }

    private ExtractiveAnswerer extractive() {
        return new ExtractiveAnswerer(indexes.await(INDEX_WAIT).questions());
    }

    private static String trim(String question) {
        String q = question.strip();
        return q.length() > QUESTION_LIMIT ? q.substring(0, QUESTION_LIMIT) : q;
    }
}
