package coach.kam.practice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.kam.knowledge.Objection;
import coach.kam.testing.TestCoach;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Odd and huge answers get a result, read only up to the cap; full-width and half-width read alike. */
class ScorerInputTest {
    private final AnswerScorer scorer = new AnswerScorer(Cues.load(TestCoach.KNOWLEDGE), null);
    private final Objection price = TestCoach.knowledge().objection("price-too-high").orElseThrow();

    @Test
    void oddInputIsReadWithoutFailing() {
        for (String s : List.of("", "   ", "\u200b\u200b", "😀😀😀", "?".repeat(5_000), "。".repeat(5_000),
                "a".repeat(100_000), "理解".repeat(50_000))) {
            AnswerScorer.Result r = scorer.score(price, "zh", s);
            assertTrue(r.score() >= -2 && r.score() <= 4);
        }
        assertEquals(EnumSet.noneOf(Move.class), scorer.score(price, "en", "").present());
    }

    @Test
    void aKnowledgeFolderWithoutTheCueFileUsesThePackedOne() throws Exception {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("kam-old-knowledge");
        java.nio.file.Files.createDirectories(dir.resolve("objections"));
        AnswerScorer packed = new AnswerScorer(Cues.load(dir), null);
        assertEquals(EnumSet.of(Move.ACKNOWLEDGE, Move.ASK), packed.score(price, "en", "I understand. What is it compared with?").present());
    }

    @Test
    void onlyTheFirstThousandCharactersAreRead() {
        String late = "x".repeat(Sentences.LIMIT) + " I understand. What are you comparing it with?";
        assertTrue(scorer.score(price, "en", late).present().isEmpty());
    }

    @Test
    void fullWidthAndHalfWidthPunctuationReadAlike() {
        AnswerScorer.Result full = scorer.score(price, "zh", "理解。您主要跟什么比？下周三我带数据过来，行吗？");
        AnswerScorer.Result half = scorer.score(price, "zh", "理解. 您主要跟什么比? 下周三我带数据过来,行吗?");
        assertEquals(full.present(), half.present());
        assertEquals(EnumSet.of(Move.ACKNOWLEDGE, Move.ASK, Move.NEXT), full.present());
        assertFalse(full.avoid());
        assertTrue(scorer.score(price, "en", "FINE, WE'LL MATCH THEIR PRICE.").avoid(), "case is ignored");
    }
}
