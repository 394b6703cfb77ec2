package coach.kam.intent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The third kind of question: about the account's own records, about method, or either. */
class AboutAccountTest {

    @Test
    void questionsAboutTheAccountAreRecognised() {
        for (String q : List.of("when is their next tender?", "what did jim say about pricing last time?",
                "他们下次招标是什么时候", "上次王总对价格怎么说", "who signs their contracts?", "样品寄了吗",
                "对方的账期要求是多少天", "what payment terms did they ask for?")) {
            assertEquals(AboutAccount.Kind.ACCOUNT, AboutAccount.read(q).kind(), q + " " + AboutAccount.read(q));
        }
    }

    @Test
    void methodQuestionsStayMethodQuestions() {
        for (String q : List.of("how do I prepare for a customer visit?", "what should a customer profile include?",
                "怎么做客户画像?", "大客户分级有什么方法", "how should I handle a price objection?", "什么是联合业务计划")) {
            assertEquals(AboutAccount.Kind.METHOD, AboutAccount.read(q).kind(), q + " " + AboutAccount.read(q));
        }
    }

    @Test
    void aQuestionThatCouldBeEitherIsBoth() {
        for (String q : List.of("when is their next tender and how should I prepare for it?", "他们的招标我们该怎么准备?")) {
            assertEquals(AboutAccount.Kind.BOTH, AboutAccount.read(q).kind(), q + " " + AboutAccount.read(q));
        }
    }

    @Test
    void notesAndCustomerWordsAreNotQuestions() {
        for (String q : List.of("王总说价格至少要降5%，不然一季度没法签", "Jim said the price must come down 5% before Q1",
                "今天拜访了张总，聊了几个问题", "Met the buyer, wants samples by Friday")) {
            assertEquals(AboutAccount.Kind.NONE, AboutAccount.read(q).kind(), q + " " + AboutAccount.read(q));
        }
    }

    /** The labelled lines of the intent sets: no note and no customer's words is taken for a question about the records. */
    @Test
    void theIntentSetsNotesStayNotes() throws IOException {
        List<String> misread = new ArrayList<>();
        int read = 0;
        for (String file : List.of("intent-set.tsv", "intent-holdout.tsv")) {
            for (String line : Files.readAllLines(Path.of("src/test/resources/intent", file))) {
                String[] cols = line.split("\t", 3);
                if (line.startsWith("#") || cols.length < 3 || "question".equals(cols[0])) {
                    continue;
                }
                read++;
                AboutAccount.Kind kind = AboutAccount.read(cols[2]).kind();
                if (kind == AboutAccount.Kind.ACCOUNT || kind == AboutAccount.Kind.BOTH) {
                    misread.add(cols[0] + ": " + cols[2] + " " + AboutAccount.read(cols[2]).signals());
                }
            }
        }
        System.out.println("notes and customer's words read as questions about the records: " + misread.size() + "/" + read);
        misread.forEach(m -> System.out.println("  " + m));
        assertTrue(read > 150, "lines read: " + read);
        assertEquals(List.of(), misread);
    }

    @Test
    void hostileTextIsReadQuicklyAndSanely() {
        coach.kam.testing.HostileText.check("AboutAccount.read", AboutAccount::read,
                r -> r != null && r.kind() != null && Double.isFinite(r.account() + r.method()));
    }

    @Test
    void aLongLineIsReadOnlyAtItsStart() {
        String pasted = "他们下次招标是什么时候" + "啊".repeat(100_000);
        assertEquals(AboutAccount.Kind.ACCOUNT, AboutAccount.read(pasted).kind());
        assertEquals(AboutAccount.Kind.NONE, AboutAccount.read(null).kind());
    }
}
