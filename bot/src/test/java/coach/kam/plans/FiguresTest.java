package coach.kam.plans;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.kam.flows.Money;
import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A plan item's numbers read from one line, and the progress between them. */
class FiguresTest {
    private static Optional<Figures> read(String line, Figures before) {
        return Figures.read(line, before, Money::parse);
    }

    @Test
    void fromAndToAreReadWithTheirLabelAndUnit() {
        Figures f = read("份额 20% → 35%", null).orElseThrow();
        assertEquals("份额", f.label());
        assertEquals(0, new BigDecimal("20").compareTo(f.baseline()));
        assertEquals(0, new BigDecimal("20").compareTo(f.current()));
        assertEquals(0, new BigDecimal("35").compareTo(f.target()));
        assertEquals("%", f.unit());
        assertEquals(Optional.of(0), f.progressPercent());

        Figures joined = read("钱包份额20%提升到35%", null).orElseThrow();
        assertEquals("钱包份额", joined.label());
        assertEquals(0, new BigDecimal("35").compareTo(joined.target()));

        Figures money = read("年销售额 300万 -> 600万", null).orElseThrow();
        assertEquals("年销售额", money.label());
        assertEquals(0, new BigDecimal("6000000").compareTo(money.target()));
        assertEquals("", money.unit());

        Figures en = read("share of wallet 20% to 35%", null).orElseThrow();
        assertEquals("share of wallet", en.label());
        assertEquals("%", en.unit());
    }

    @Test
    void oneNumberMovesTheCurrentValueAndProgressFollows() {
        Figures f = read("份额 20% → 35%", null).orElseThrow();
        Figures now = read("28%", f).orElseThrow();
        assertEquals("份额", now.label());
        assertEquals(0, new BigDecimal("28").compareTo(now.current()));
        assertEquals(Optional.of(53), now.progressPercent());
        assertEquals(Optional.of(100), read("35%", f).orElseThrow().progressPercent());
        assertEquals(Optional.of(0), read("15%", f).orElseThrow().progressPercent());
    }

    @Test
    void linesWithoutNumbersOrWithoutATargetAreNotFigures() {
        assertTrue(read("份额要提上去", null).isEmpty());
        assertTrue(read("28%", null).isEmpty());
        assertTrue(read("份额 20% →", null).isEmpty());
        Figures f = read("门店 40 → 60", null).orElseThrow();
        assertTrue(read("门店 45 家 再开 3 家", f).isEmpty(), "two numbers and no arrow are not one current value");
        assertTrue(read("x".repeat(5000) + " 20% → 35%", null).isEmpty(), "read only the first 120 characters");
    }
}
