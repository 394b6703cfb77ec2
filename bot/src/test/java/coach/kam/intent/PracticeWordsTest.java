package coach.kam.intent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import coach.kam.intent.PracticeWords.Ask;
import org.junit.jupiter.api.Test;

/** Lines that ask to practise, and notes that only mention practice. */
class PracticeWordsTest {
    @Test
    void requestsToPractise() {
        for (String s : new String[] {"练习", "我想练习一下异议处理,你扮演客户", "来练习一下", "陪我练练异议,陪练一下", "开始练习",
                "practice", "practice objections", "Practice objection handling", "let's practice", "I want to practise",
                "role play a customer", "practice!"}) {
            assertEquals(Ask.DRILL, PracticeWords.read(s), s);
        }
        for (String s : new String[] {"考考我", "来个小测", "quiz me", "Quiz me on the method", "test me", "practice quiz"}) {
            assertEquals(Ask.QUIZ, PracticeWords.read(s), s);
        }
    }

    @Test
    void notesAndQuestionsThatMentionPractice() {
        for (String s : new String[] {"客户在练习新系统", "王总说他们团队下周演练", "practice went well with acme",
                "their practice manager called", "we should practice more with the distributor team next week",
                "how do I practice objection handling?", "", "   ", "练习".repeat(200), "practice ".repeat(2_000)}) {
            assertEquals(Ask.NONE, PracticeWords.read(s), s.length() > 40 ? s.substring(0, 40) : s);
        }
        assertEquals(Ask.NONE, PracticeWords.read(null));
    }
}
