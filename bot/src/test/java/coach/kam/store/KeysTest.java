package coach.kam.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class KeysTest {
    enum Kind { PLAN }

    @Test
    void aRepsKeyIsTheRepThenThePathWithNumbersPadded() {
        assertEquals("42", Keys.of(42));
        assertEquals("42/000000000007/000000000013", Keys.of(42, 7L, 13L));
        assertEquals("42/000000000007/PLAN", Keys.of(42, 7L, Kind.PLAN));
        assertEquals("42/000000000007/", Keys.under(42, 7L));
        assertEquals("42/", Keys.under(42));
        assertEquals("42/2026-W49", Keys.of(42, "2026-W49"));
        // a part made only of digits is a number however it is passed
        assertEquals(Keys.of(42, 5L), Keys.of(42, "5"));
        assertEquals("42/o/price/zh/000000000002", Keys.of(42, "o", "price", "zh", 2));
        assertEquals("42/" + "1234567890123", Keys.of(42, 1234567890123L), "wider numbers are written whole");
    }

    @Test
    void keysSortInIdOrder() {
        TreeSet<String> sorted = new TreeSet<>();
        for (long id : new long[] {10, 9, 100, 1, 99}) {
            sorted.add(Keys.of(42, id));
        }
        assertEquals(List.of(Keys.of(42, 1L), Keys.of(42, 9L), Keys.of(42, 10L), Keys.of(42, 99L), Keys.of(42, 100L)),
                List.copyOf(sorted));
        assertTrue(Keys.of(42, 1L).startsWith(Keys.under(42)));
        assertFalse(Keys.of(420, 1L).startsWith(Keys.under(42)), "another rep whose id starts the same");
    }

    @Test
    void keysAreReadBack() {
        String key = Keys.of(42, 7L, "PLAN");
        assertEquals(Optional.of(42L), Keys.owner(key));
        assertEquals(List.of("000000000007", "PLAN"), Keys.parts(key));
        assertEquals(Optional.of(7L), Keys.number(key, 0));
        assertEquals(Optional.empty(), Keys.number(key, 1));
        assertEquals(Optional.empty(), Keys.number(key, 5));
        assertEquals(List.of(), Keys.parts("42"));
        assertEquals(Optional.empty(), Keys.owner("team/x"));
        assertEquals(Optional.empty(), Keys.owner(""));
        assertEquals(Optional.empty(), Keys.owner("99999999999999999999/x"), "too long for a long");
        assertTrue(Keys.ownedBy(key, 42));
        assertFalse(Keys.ownedBy(key, 4));
    }

    @Test
    void machineryKeysKeepTheirTextsAsTheyAre() {
        assertEquals("20261203/0930/42/CHECKIN/7", Keys.path("20261203", "0930", "42", "CHECKIN", "7"));
        assertEquals("0000000000000000005", Keys.queue(5));
        assertEquals("000000000000005", Keys.pad(5, 15));
    }

    @Test
    void badPartsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Keys.of(42, -1L));
        assertThrows(IllegalArgumentException.class, () -> Keys.of(42, ""));
        assertThrows(IllegalArgumentException.class, () -> Keys.queue(-3));
    }

    @Test
    void olderKeysAreUpgradedAndCurrentOnesLeftAsTheyAre() {
        assertEquals(Keys.of(42, 7L, "PLAN"), Keys.upgrade("42/7/PLAN"));
        assertEquals(Keys.of(42, "price", "zh", 0), Keys.upgrade("rep/42/price/zh/0"));
        assertEquals(Keys.of(42, 7L), Keys.upgrade("42/7"));
        assertEquals("team/price/zh/0", Keys.upgrade("team/price/zh/0"), "a key of no rep is left");
        assertEquals("42", Keys.upgrade("42"));
        for (String k : List.of("42/7/PLAN", "rep/42/price/zh/0", "42/a/5/b", "42/2026-11-27", "42/打折 5/10")) {
            String once = Keys.upgrade(k);
            assertEquals(once, Keys.upgrade(once), "an upgrade twice is an upgrade once: " + k);
            assertTrue(Keys.inScheme(once), once);
        }
        // a typed phrase with "/" in it is keyed the same way however it was written
        assertEquals(Keys.upgrade("42/打折 5/10"), Keys.of(42, "打折 5/10"));
        assertFalse(Keys.inScheme("42/7"));
        assertFalse(Keys.inScheme("rep/42/x"));
        assertTrue(Keys.inScheme(Keys.of(42, 7L)));
    }
}
