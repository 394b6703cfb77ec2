package coach.kam.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.kam.knowledge.Flow;
import coach.kam.testing.TestCoach;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Typed answers as reps send them, in both languages, for every kind of step. */
class AnswerParserTest {
    private static final Flow PROFILE = TestCoach.knowledge().flow("profile").orElseThrow();
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 27);

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "120万|1200000", "1.5亿|150000000", "800000|800000", "¥500,000|500000", "1.2m|1200000",
        "500k|500000", "$3 million|3000000", "３０万|300000", "2 bn|2000000000", "3000元|3000"})
    void money(String typed, String value) {
        assertEquals(value, parse("category-spend", typed).answer().value());
    }

    @ParameterizedTest
    @CsvSource({"a lot", "很多钱", "12-15万"})
    void moneyThatIsNotAnAmountIsExplained(String typed) {
        assertEquals("walk.bad.money", parse("category-spend", typed).problem());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "2026-12-05|2026-12-05", "2026/12/5|2026-12-05", "2026年12月5日|2026-12-05", "12月5日|2026-12-05",
        "12/5|2026-12-05", "1月10号|2027-01-10", "2027-03|2027-03", "２０２６－１２－０５|2026-12-05"})
    void dates(String typed, String iso) {
        assertEquals(iso, parse("tender-date", typed).answer().value());
    }

    @ParameterizedTest
    @CsvSource({"next spring", "2026-02-30", "13月1日"})
    void notADate(String typed) {
        assertEquals("walk.bad.date", parse("tender-date", typed).problem());
    }

    @Test
    void choicesByLabelNumberOrIdInEitherLanguage() {
        assertEquals("healthcare", parse("industry", "医疗健康").answer().value());
        assertEquals("healthcare", parse("industry", "Healthcare").answer().value());
        assertEquals("manufacturing", parse("industry", "1").answer().value());
        Flow.Step mode = PROFILE.step("buying-mode").orElseThrow();
        assertEquals("tender", AnswerParser.parse(mode, "tender", "en", TODAY).answer().value());
        assertEquals("walk.bad.choice", AnswerParser.parse(mode, "maybe", "en", TODAY).problem());
    }

    @Test
    void aChoiceStepThatTakesOtherKeepsTheTypedText() {
        Flow.Step industry = PROFILE.step("industry").orElseThrow();
        assertTrue(industry.allowsOther());
        var r = AnswerParser.parse(industry, "Shipping", "en", TODAY);
        assertEquals("Shipping", r.answer().value());
        assertTrue(r.answer().ids().isEmpty());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "王伟, 采购总监|王伟|采购总监|", "李娜 设备科主任 中立|李娜|设备科主任|neutral",
        "Li Wei, head of purchasing, supportive|Li Wei|head of purchasing|supporter",
        "张总／总经理／反对|张总|总经理|opponent", "Mary|Mary||",
        "储运部李经理、质量部张部长|储运部李经理、质量部张部长||", "王经理、李总监 支持|王经理、李总监||supporter",
        "采购部王经理, 采购总监|采购部王经理|采购总监|"})
    void people(String typed, String name, String title, String stance) {
        var p = parse("decision-maker", typed).answer().person();
        assertEquals(name, p.name());
        assertEquals(title == null ? "" : title, p.title());
        assertEquals(stance, p.stance());
    }

    @Test
    void numbersKeepToTheirRangeAndValidator() {
        assertEquals("35", parse("share-of-wallet", "35%").answer().value());
        assertEquals("35", parse("share-of-wallet", "３５％").answer().value());
        var tooMuch = parse("share-of-wallet", "150");
        assertTrue(tooMuch.ok() ? Validators.check("percent", tooMuch.answer(), TODAY).isPresent()
                : tooMuch.problem().equals("walk.bad.range"));
        assertEquals("walk.bad.number", parse("share-of-wallet", "about a third").problem());
    }

    @Test
    void scoresAndEmptyText() {
        Flow.Step score = TestCoach.knowledge().flow("evaluate").orElseThrow().step("revenue").orElseThrow();
        assertEquals("4", AnswerParser.parse(score, "4分", "zh", TODAY).answer().value());
        assertEquals("3", AnswerParser.parse(score, "三", "zh", TODAY).answer().value());
        assertEquals("walk.bad.score", AnswerParser.parse(score, "6", "en", TODAY).problem());
        assertEquals("walk.bad.empty", AnswerParser.parse(score, " \u3000 ", "en", TODAY).problem());
        assertFalse(AnswerParser.parse(PROFILE.step("goals").orElseThrow(), "x".repeat(5000), "en", TODAY).ok());
        assertNull(AnswerParser.parse(PROFILE.step("goals").orElseThrow(), "x".repeat(5000), "en", TODAY).answer());
    }

    @Test
    void everyValidatorTheLoaderAllowsIsWritten() {
        for (String name : java.util.List.of("percent", "future-date", "past-or-today", "year", "not-blank")) {
            assertTrue(Validators.exists(name), name);
        }
    }

    private static AnswerParser.Result parse(String stepId, String typed) {
        return AnswerParser.parse(PROFILE.step(stepId).orElseThrow(), typed, "zh", TODAY);
    }
}
