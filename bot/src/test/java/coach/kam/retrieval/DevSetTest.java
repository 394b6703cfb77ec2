package coach.kam.retrieval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.kam.ask.ExtractiveAnswerer;
import coach.kam.knowledge.KnowledgeBase;
import coach.kam.knowledge.Objection;
import coach.kam.objections.ObjectionMatcher;
import coach.kam.testing.TestCoach;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Retrieval quality on the evaluation sets, per language, through the same code paths the bot and
 * the command line use. The sets were written apart from the knowledge files; the floors are the
 * product's bar (the targets). {@code -Dkam.eval=holdout} runs the held-out half instead.
 */
class DevSetTest {
    static final double QUESTION_TOP3 = 0.95;
    static final double OBJECTION_TOP1 = 0.95;
    static final double OFF_TOPIC_REFUSED = 0.90;
    static final double ON_TOPIC_ANSWERED = 0.95;

    @Test
    void questionsFindTheirTopicInTheTopThreeInEachLanguage() {
        ExtractiveAnswerer answerer = new ExtractiveAnswerer(TestCoach.indexes().questions());
        List<DevSet.Question> set = DevSet.questions();
        Map<String, Evaluation.Tally> byLang = Evaluation.questions(answerer, set);
        List<String> failures = new ArrayList<>();
        byLang.forEach((lang, t) -> {
            System.out.printf(Locale.ROOT, "ask %s [%s]: %d questions, hit@1 %s, hit@3 %s, answered %s%n", DevSet.split(),
                    lang, t.n, Evaluation.rate(t.hit1()), Evaluation.rate(t.hit3()), Evaluation.rate(t.coveredRate()));
            t.misses.forEach(m -> System.out.println("  miss: " + m));
            if (t.hit3() < QUESTION_TOP3) {
                failures.add(lang + " hit@3 " + t.hit3());
            }
            if (t.coveredRate() < ON_TOPIC_ANSWERED) {
                failures.add(lang + " answered " + t.coveredRate());
            }
        });
        assertTrue(set.size() >= 60, "the set needs at least 60 questions");
        assertEquals(Set.of("zh", "en"), byLang.keySet());
        assertEquals(List.of(), failures, "under the floors (hit@3 " + QUESTION_TOP3 + ", answered " + ON_TOPIC_ANSWERED + ")");
    }

    @Test
    void phrasesFindTheirObjectionFirstInEachLanguage() {
        ObjectionMatcher matcher = new ObjectionMatcher(TestCoach.indexes().objections(), TestCoach.knowledge());
        List<DevSet.Phrase> set = DevSet.phrases();
        Map<String, Evaluation.Tally> byLang = Evaluation.phrases(matcher, set);
        List<String> failures = new ArrayList<>();
        byLang.forEach((lang, t) -> {
            System.out.printf(Locale.ROOT, "objection %s [%s]: %d phrases, hit@1 %s, hit@3 %s, sure match %s%n", DevSet.split(),
                    lang, t.n, Evaluation.rate(t.hit1()), Evaluation.rate(t.hit3()), Evaluation.rate(t.coveredRate()));
            t.misses.forEach(m -> System.out.println("  miss: " + m));
            if (t.hit1() < OBJECTION_TOP1) {
                failures.add(lang + " hit@1 " + t.hit1());
            }
        });
        assertTrue(set.size() >= 60, "the set needs at least 60 phrases");
        assertEquals(Set.of("zh", "en"), byLang.keySet());
        assertEquals(List.of(), failures, "under the floor (hit@1 " + OBJECTION_TOP1 + ")");
    }

    @Test
    void offTopicQuestionsAreTurnedAway() {
        ExtractiveAnswerer answerer = new ExtractiveAnswerer(TestCoach.indexes().questions());
        List<DevSet.OffTopic> set = DevSet.offTopic();
        Map<String, Evaluation.Tally> byLang = Evaluation.offTopic(answerer, set);
        List<String> failures = new ArrayList<>();
        byLang.forEach((lang, t) -> {
            System.out.printf(Locale.ROOT, "off-topic %s [%s]: %d questions, refused %s%n", DevSet.split(), lang, t.n,
                    Evaluation.rate(t.coveredRate()));
            t.misses.forEach(m -> System.out.println("  miss: " + m));
            if (t.coveredRate() < OFF_TOPIC_REFUSED) {
                failures.add(lang + " refused " + t.coveredRate());
            }
        });
        assertTrue(set.size() >= 30, "the set needs at least 30 questions");
        assertEquals(List.of(), failures, "under the floor (refused " + OFF_TOPIC_REFUSED + ")");
    }

    @Test
    void devPhrasesAreNotCopiedIntoTheKnowledgeFiles() {
        KnowledgeBase kb = TestCoach.knowledge();
        Set<String> known = new HashSet<>();
        for (Objection o : kb.objections()) {
            for (String lang : KnowledgeBase.LANGS) {
                o.in(lang).phrasings().forEach(p -> known.add(norm(p)));
            }
        }
        List<String> copied = new ArrayList<>();
        for (String split : List.of(DevSet.DEV, DevSet.HOLDOUT, DevSet.FRESH)) {
            DevSet.phrases(split).stream().map(DevSet.Phrase::text).filter(t -> known.contains(norm(t))).forEach(copied::add);
        }
        assertEquals(List.of(), copied, "evaluation phrases must stay unseen by the knowledge files");
    }

    private static String norm(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[\\p{Punct}\\p{IsPunctuation}\\s]+", "");
    }
}
