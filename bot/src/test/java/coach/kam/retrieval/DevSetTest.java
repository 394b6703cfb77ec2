package coach.kam.retrieval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.kam.ask.Answer;
import coach.kam.ask.ExtractiveAnswerer;
import coach.kam.knowledge.KnowledgeBase;
import coach.kam.knowledge.Objection;
import coach.kam.objections.Lookup;
import coach.kam.objections.ObjectionMatcher;
import coach.kam.testing.TestCoach;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Retrieval quality on the development sets, through the same code paths the bot and the command
 * line use. The sets were written apart from the knowledge files; the thresholds are the product's bar.
 */
class DevSetTest {

    @Test
    void questionsFindTheirTopicInTheTopThree() {
        ExtractiveAnswerer answerer = new ExtractiveAnswerer(TestCoach.indexes().questions());
        List<DevSet.Question> set = DevSet.questions();
        int top1 = 0;
        int top3 = 0;
        int answeredInTheirLanguage = 0;
        int covered = 0;
        List<String> misses = new ArrayList<>();
        for (DevSet.Question q : set) {
            ExtractiveAnswerer.Evidence e = answerer.evidence(q.q());
            List<String> topics = e.sources().stream().map(Answer.Source::topic).toList();
            if (!topics.isEmpty() && q.topics().contains(topics.get(0))) {
                top1++;
            }
            if (topics.stream().limit(3).anyMatch(q.topics()::contains)) {
                top3++;
            } else {
                misses.add(q.q() + " -> " + topics.stream().limit(3).toList());
            }
            if (!e.sources().isEmpty() && e.sources().get(0).lang().equals(q.lang())) {
                answeredInTheirLanguage++;
            }
            covered += e.covered() ? 1 : 0;
        }
        double rate3 = top3 / (double) set.size();
        System.out.printf(Locale.ROOT, "ask dev set: %d questions, hit@1 %.3f, hit@3 %.3f, first source in the question's language %.3f%n",
                set.size(), top1 / (double) set.size(), rate3, answeredInTheirLanguage / (double) set.size());
        misses.forEach(m -> System.out.println("  miss: " + m));
        System.out.printf(Locale.ROOT, "ask dev set: judged covered %.3f%n", covered / (double) set.size());
        assertTrue(covered >= set.size() * 0.95, "real questions must not be turned away as not covered");
        assertTrue(set.size() >= 60, "the set needs at least 60 questions");
        assertTrue(rate3 >= 0.90, "top-3 hit rate " + rate3 + " under 0.90");
        assertTrue(answeredInTheirLanguage >= set.size() * 0.95, "answers should come in the question's language");
    }

    @Test
    void phrasesFindTheirObjectionFirst() {
        ObjectionMatcher matcher = new ObjectionMatcher(TestCoach.indexes().objections(), TestCoach.knowledge());
        List<DevSet.Phrase> set = DevSet.phrases();
        int top1 = 0;
        int confident = 0;
        List<String> misses = new ArrayList<>();
        for (DevSet.Phrase p : set) {
            Lookup found = matcher.match(p.text());
            if (found.best().id().equals(p.id())) {
                top1++;
            } else {
                misses.add(p.text() + " (" + p.id() + ") -> " + found.matches().stream().limit(3).map(m -> m.id()).toList());
            }
            if (found.confident()) {
                confident++;
            }
        }
        double rate = top1 / (double) set.size();
        System.out.printf(Locale.ROOT, "objection dev set: %d phrases, hit@1 %.3f, shown as a sure match %.3f%n",
                set.size(), rate, confident / (double) set.size());
        misses.forEach(m -> System.out.println("  miss: " + m));
        assertTrue(set.size() >= 80, "the set needs at least 80 phrases");
        assertTrue(rate >= 0.90, "top-1 hit rate " + rate + " under 0.90");
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
        List<String> copied = DevSet.phrases().stream().map(DevSet.Phrase::text).filter(t -> known.contains(norm(t))).toList();
        assertEquals(List.of(), copied, "dev phrases must stay unseen by the knowledge files");
    }

    private static String norm(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[\\p{Punct}\\p{IsPunctuation}\\s]+", "");
    }
}
