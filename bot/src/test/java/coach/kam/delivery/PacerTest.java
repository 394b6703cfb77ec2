package coach.kam.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The token buckets, with time moved by hand. */
class PacerTest {
    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    private int sendAllReady(Pacer pacer, long chat) {
        int sent = 0;
        while (pacer.readyAt(chat, now.get()) <= now.get()) {
            pacer.take(chat, now.get());
            sent++;
        }
        return sent;
    }

    @Test
    void aChatGetsABurstOfThreeThenAboutOneASecond() {
        Pacer pacer = new Pacer(25, now::get);
        assertEquals(3, sendAllReady(pacer, 1));
        long next = pacer.readyAt(1, now.get());
        assertEquals(1.1, (next - now.get()) / 1e9, 0.01);
        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(1100));
        assertEquals(1, sendAllReady(pacer, 1));
        assertTrue(pacer.readyAt(2, now.get()) <= now.get(), "another chat is not held up by this one");
    }

    @Test
    void theWholeBotStaysUnderItsRate() {
        Pacer pacer = new Pacer(10, now::get);
        int sent = 0;
        for (long chat = 1; chat <= 100; chat++) {
            sent += sendAllReady(pacer, chat);
        }
        assertEquals(5, sent, "a burst of at most 5 overall");
        int inASecond = 0;
        for (int step = 0; step < 100; step++) {
            now.addAndGet(TimeUnit.MILLISECONDS.toNanos(10));
            for (long chat = 1; chat <= 100; chat++) {
                inASecond += sendAllReady(pacer, chat);
            }
        }
        assertEquals(10, inASecond, 1);
    }

    @Test
    void zeroMeansUnpaced() {
        Pacer pacer = new Pacer(0, now::get);
        for (int i = 0; i < 1000; i++) {
            assertEquals(now.get(), pacer.readyAt(1, now.get()));
            pacer.take(1, now.get());
        }
    }
}
