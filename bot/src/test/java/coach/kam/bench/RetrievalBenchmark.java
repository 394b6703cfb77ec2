package coach.kam.bench;

import coach.kam.KamCoach;
import coach.kam.ask.Answer;
import coach.kam.ask.ExtractiveAnswerer;
import coach.kam.conversation.Event;
import coach.kam.knowledge.KnowledgeBase;
import coach.kam.objections.ObjectionMatcher;
import coach.kam.retrieval.DevSet;
import coach.kam.retrieval.Evaluation;
import coach.kam.retrieval.Embedder;
import coach.kam.retrieval.HybridRetriever;
import coach.kam.retrieval.Scored;
import coach.kam.retrieval.SearchIndexes;
import coach.kam.store.MapDbStore;
import coach.kam.testing.MutableClock;
import coach.kam.testing.TestCoach;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Retrieval quality and latency of BM25 alone, dense alone and the fusion on the development sets,
 * start-up with a cold and a warm embedding cache, and objection lookup through the core.
 * Run with {@code mvn -B -Pbench test}; it prints a table and asserts nothing about time.
 */
@Tag("bench")
class RetrievalBenchmark {
    private static final int WARMUP = 20;

    @Test
    void run() throws Exception {
        KnowledgeBase kb = TestCoach.knowledge();
        long t0 = System.nanoTime();
        Embedder embedder = Embedder.load();
        double modelLoad = ms(t0);
        Path dir = Files.createTempDirectory("kam-bench");
        try (MapDbStore store = MapDbStore.open(dir)) {
            long cold = System.nanoTime();
            SearchIndexes.Ready ready = SearchIndexes.build(kb, store, embedder);
            double coldMs = ms(cold);
            long warm = System.nanoTime();
            SearchIndexes.Ready again = SearchIndexes.build(kb, store, embedder);
            double warmMs = ms(warm);
            System.out.printf(Locale.ROOT, "%nstart-up: model load %.0f ms; index build with a cold cache %.0f ms (%d texts embedded),"
                    + " with a warm cache %.0f ms (%d embedded)%n", modelLoad, coldMs, ready.embedded(), warmMs, again.embedded());

            System.out.println("\nquestions (" + DevSet.questions().size() + ", ask dev set)");
            System.out.println("| retriever | hit@1 | hit@3 | p50 ms | p99 ms |");
            System.out.println("|---|---|---|---|---|");
            for (HybridRetriever.Mode mode : HybridRetriever.Mode.values()) {
                questions(ready.questions(), mode);
            }
            System.out.println("\nobjection phrases (" + DevSet.phrases().size() + ", objection dev set)");
            System.out.println("| retriever | hit@1 | hit@3 | p50 ms | p99 ms |");
            System.out.println("|---|---|---|---|---|");
            for (HybridRetriever.Mode mode : HybridRetriever.Mode.values()) {
                phrases(ready.objections(), mode);
            }
            answersAndCore(ready);
            perLanguage(ready);
        }
    }

    /** The product's rates per language on both halves of the evaluation sets (what DevSetTest checks). */
    private static void perLanguage(SearchIndexes.Ready ready) {
        ExtractiveAnswerer answerer = new ExtractiveAnswerer(ready.questions());
        ObjectionMatcher matcher = new ObjectionMatcher(ready.objections(), TestCoach.knowledge());
        System.out.println("\nper language (ask answer, objection match, not-covered decision)");
        System.out.println("| set | lang | questions hit@1 | hit@3 | answered | objections hit@1 | hit@3 | off-topic refused |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        for (String split : DevSet.SPLITS) {
            var q = Evaluation.questions(answerer, DevSet.questions(split));
            var p = Evaluation.phrases(matcher, DevSet.phrases(split));
            var o = Evaluation.offTopic(answerer, DevSet.offTopic(split));
            for (String lang : List.of("zh", "en")) {
                System.out.printf(Locale.ROOT, "| %s | %s | %s (%d) | %s | %s | %s (%d) | %s | %s (%d) |%n", split, lang,
                        Evaluation.rate(q.get(lang).hit1()), q.get(lang).n, Evaluation.rate(q.get(lang).hit3()),
                        Evaluation.rate(q.get(lang).coveredRate()), Evaluation.rate(p.get(lang).hit1()), p.get(lang).n,
                        Evaluation.rate(p.get(lang).hit3()), Evaluation.rate(o.get(lang).coveredRate()), o.get(lang).n);
            }
        }
    }

    private static void questions(HybridRetriever r, HybridRetriever.Mode mode) {
        List<DevSet.Question> set = DevSet.questions();
        warmUp(() -> r.search(set.get(0).q(), 10, mode));
        int h1 = 0;
        int h3 = 0;
        List<Double> times = new ArrayList<>();
        for (DevSet.Question q : set) {
            long t = System.nanoTime();
            List<String> topics = topics(r.search(q.q(), 30, mode));
            times.add(ms(t));
            h1 += !topics.isEmpty() && q.topics().contains(topics.get(0)) ? 1 : 0;
            h3 += topics.stream().limit(3).anyMatch(q.topics()::contains) ? 1 : 0;
        }
        row(mode.name(), h1, h3, set.size(), times);
    }

    private static void phrases(HybridRetriever r, HybridRetriever.Mode mode) {
        List<DevSet.Phrase> set = DevSet.phrases();
        warmUp(() -> r.search(set.get(0).text(), 10, mode));
        int h1 = 0;
        int h3 = 0;
        List<Double> times = new ArrayList<>();
        for (DevSet.Phrase p : set) {
            long t = System.nanoTime();
            List<String> ids = new ArrayList<>(new LinkedHashSet<>(r.search(p.text(), 60, mode).stream()
                    .map(s -> s.chunk().source()).toList()));
            times.add(ms(t));
            h1 += !ids.isEmpty() && ids.get(0).equals(p.id()) ? 1 : 0;
            h3 += ids.stream().limit(3).anyMatch(p.id()::equals) ? 1 : 0;
        }
        row(mode.name(), h1, h3, set.size(), times);
    }

    /** End to end: the answer the bot gives (topic ranking) and an objection lookup through the conversation core. */
    private static void answersAndCore(SearchIndexes.Ready ready) throws Exception {
        System.out.println("\nwhat the bot answers with (topics ranked from their sections)");
        System.out.println("| path | hit@1 | hit@3 | p50 ms | p99 ms |");
        System.out.println("|---|---|---|---|---|");
        answers(ready, HybridRetriever.Mode.WEIGHTED_SUM);
        answers(ready, HybridRetriever.Mode.HYBRID);
        objectionsAndCore(ready);
    }

    private static void answers(SearchIndexes.Ready ready, HybridRetriever.Mode mode) {
        ExtractiveAnswerer answerer = new ExtractiveAnswerer(ready.questions(), mode);
        List<DevSet.Question> qs = DevSet.questions();
        warmUp(() -> answerer.answer(qs.get(0).q()));
        int h1 = 0;
        int h3 = 0;
        List<Double> times = new ArrayList<>();
        for (DevSet.Question q : qs) {
            long t = System.nanoTime();
            Answer a = answerer.answer(q.q());
            times.add(ms(t));
            List<String> topics = a.sources().stream().map(Answer.Source::topic).toList();
            h1 += !topics.isEmpty() && q.topics().contains(topics.get(0)) ? 1 : 0;
            h3 += topics.stream().limit(3).anyMatch(q.topics()::contains) ? 1 : 0;
        }
        row("ask answer, " + mode.name(), h1, h3, qs.size(), times);
    }

    private static void objectionsAndCore(SearchIndexes.Ready ready) throws Exception {
        int h1 = 0;
        int h3 = 0;
        List<Double> times = new ArrayList<>();
        ObjectionMatcher matcher = new ObjectionMatcher(ready.objections(), TestCoach.knowledge());
        List<DevSet.Phrase> ps = DevSet.phrases();
        for (DevSet.Phrase p : ps) {
            long t = System.nanoTime();
            var found = matcher.match(p.text());
            times.add(ms(t));
            h1 += found.best().id().equals(p.id()) ? 1 : 0;
            h3 += found.matches().stream().limit(3).anyMatch(m -> m.id().equals(p.id())) ? 1 : 0;
        }
        row("objection match", h1, h3, ps.size(), times);

        Path dir = Files.createTempDirectory("kam-bench-core");
        try (KamCoach coach = KamCoach.assemble(TestCoach.config(dir), MutableClock.at("2026-11-27T02:00:00Z"),
                TestCoach.knowledge(), MapDbStore.open(dir), SearchIndexes.of(ready), Optional.empty())) {
            List<Double> core = new ArrayList<>();
            List<Double> inline = new ArrayList<>();
            for (int i = 0; i < ps.size(); i++) {
                DevSet.Phrase p = ps.get(i);
                long t = System.nanoTime();
                coach.conversation().handle(new Event(1, 1, (long) i + 1, "/o " + p.text(), null, null, p.lang()));
                core.add(ms(t));
                t = System.nanoTime();
                coach.inlineSearch().search(1, p.lang(), p.text());
                inline.add(ms(t));
            }
            row("/o through the core (store transaction included)", -1, -1, ps.size(), core.subList(WARMUP, core.size()));
            row("inline query results", -1, -1, ps.size(), inline.subList(WARMUP, inline.size()));
        }
    }

    private static List<String> topics(List<Scored> hits) {
        return new ArrayList<>(new LinkedHashSet<>(hits.stream().map(s -> s.chunk().source()).toList()));
    }

    private static void row(String name, int h1, int h3, int n, List<Double> times) {
        List<Double> sorted = new ArrayList<>(times);
        Collections.sort(sorted);
        double p50 = sorted.get(sorted.size() / 2);
        double p99 = sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * 0.99) - 1));
        String hits = h1 < 0 ? "| - | - " : String.format(Locale.ROOT, "| %.3f | %.3f ", h1 / (double) n, h3 / (double) n);
        System.out.printf(Locale.ROOT, "| %s %s| %.1f | %.1f |%n", name, hits, p50, p99);
    }

    private static void warmUp(Runnable r) {
        for (int i = 0; i < WARMUP; i++) {
            r.run();
        }
    }

    private static double ms(long start) {
        return (System.nanoTime() - start) / 1e6;
    }
}
