package coach.kam.deals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import coach.kam.testing.TestCoach;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** A deal typed on one line, in either language and any order. */
class DealLineTest {
    private static final LocalDate TODAY = LocalDate.parse("2026-12-03");
    private final Stages stages = new Stages(TestCoach.knowledge());

    private DealLine.Parsed read(String line) {
        return DealLine.read(line, stages, TODAY,
                new DealLine.Readers(coach.kam.flows.Money::parse, coach.kam.flows.Dates::parse));
    }

    @Test
    void theCoursesExampleLine() {
        DealLine.Parsed p = read("冷链二期 300万 方案阶段 3月底");
        assertEquals("冷链二期", p.title());
        assertEquals(0, new BigDecimal("3000000").compareTo(p.amount()));
        assertEquals("proposal", p.stage().id());
        assertEquals(LocalDate.parse("2027-03-31"), p.close());
    }

    @Test
    void englishInAnotherOrder() {
        DealLine.Parsed p = read("negotiation cold chain phase 2 1.2m end of march");
        assertEquals("cold chain phase 2", p.title());
        assertEquals(0, new BigDecimal("1200000").compareTo(p.amount()));
        assertEquals("negotiation", p.stage().id());
        assertEquals(LocalDate.parse("2027-03-31"), p.close());
    }

    @Test
    void partsMayBeMissingAndDatesOfEveryKind() {
        DealLine.Parsed p = read("年度框架协议");
        assertEquals("年度框架协议", p.title());
        assertNull(p.amount());
        assertNull(p.stage());
        assertNull(p.close());
        assertEquals(LocalDate.parse("2027-01-15"), read("框架 2027-01-15").close());
        assertEquals(LocalDate.parse("2026-12-31"), read("框架 12月底").close());
        assertEquals(LocalDate.parse("2027-06-30"), read("framework jun").close());
        assertEquals("contract", read("框架 签约").stage().id());
        assertEquals(0, new BigDecimal("50000").compareTo(read("样品 ¥50,000").amount()));
        assertEquals(0, new BigDecimal("80000").compareTo(read("样品 8万元").amount()));
    }

    @Test
    void aPasteIsReadOnlyAsFarAsTheCap() {
        String line = "大单 ".repeat(2_000) + "300万";
        DealLine.Parsed p = read(line);
        assertNull(p.amount(), "the amount lies past the part that is read");
        assertEquals(DealLine.MAX_CHARS, p.title().length() + 1, "title is the capped words");
    }
}
