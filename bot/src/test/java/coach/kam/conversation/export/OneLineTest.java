package coach.kam.conversation.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import coach.kam.testing.RandomStrings;
import org.junit.jupiter.api.Test;

/** A note on one line in the report: blanks around a line break become one space, other blanks stay. */
class OneLineTest {

    @Test
    void lineBreaksAndTheirBlanksBecomeOneSpace() {
        assertEquals("met Li  at noon sent deck", Report.oneLine(" met Li  at noon \n\n sent deck\n"));
        RandomStrings notes = new RandomStrings(7, " ", "\t", "\n", "\r", "\r\n", "\u000B", "\f", "\u3000", "\u0085", "a", "谢");
        for (int i = 0; i < 30_000; i++) {
            String note = notes.next(10);
            assertEquals(note.strip().replaceAll("\\s*\\n\\s*", " "), Report.oneLine(note), note);
        }
    }
}
