package coach.kam.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;

import coach.kam.testing.RandomStrings;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Multiple choices and stance words are split and stripped as the regular expressions they replaced did. */
class ChoiceListTest {

    @Test
    void choicesSplitAtSeparatorsAndAnd() {
        assertEquals(List.of("价格", "质量", "服务"), parts("价格、质量和服务"));
        assertEquals(List.of("price", "quality", "brand"), parts("price and quality / brand"));
        assertEquals(List.of("sandy andrew"), parts("sandy andrew"));
        RandomStrings answers = new RandomStrings(5, ",", "、", ";", "；", "/", "和", " ", "\t", "\n", "\r", "\u3000", "and",
                " and ", "a", "n", "d", "x");
        for (int i = 0; i < 30_000; i++) {
            String answer = answers.next(12);
            List<String> byRegex = Arrays.stream(answer.split("[,、;；/]|\\s+and\\s+|和")).filter(p -> !p.isBlank())
                    .map(String::strip).toList();
            assertEquals(byRegex, parts(answer), answer);
        }
    }

    @Test
    void stanceWordsComeOutWithTheirSeparators() {
        assertEquals("李娜 设备科主任", Stances.strip("李娜 设备科主任 中立的"));
        RandomStrings people = new RandomStrings(6, ",", "，", ";", "；", "/", "、", " ", "\t", "\n", "中立", "的", "支持",
                "反对", "against us", "AGAINST US", "Champion", "supportive", "support", "李", "x");
        for (int i = 0; i < 30_000; i++) {
            String person = people.next(10);
            String byRegex = person;
            for (String word : List.of("champion", "教练", "内线", "力挺", "supportive", "supporter", "支持", "neutral", "中立",
                    "skeptical", "sceptical", "skeptic", "怀疑", "观望", "opposed", "opponent", "against us", "反对")) {
                byRegex = byRegex.replaceAll("(?i)[,，;；/、\\s]*" + Pattern.quote(word) + "(的)?", "");
            }
            assertEquals(byRegex.strip(), Stances.strip(person), person);
        }
    }

    private static List<String> parts(String answer) {
        return ChoiceList.parts(answer).stream().filter(p -> !p.isBlank()).map(String::strip).toList();
    }
}
