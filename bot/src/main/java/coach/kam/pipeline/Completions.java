package coach.kam.pipeline;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** The updates this process finished lately (by update id and by inbox entry), for those who wait on one. */
final class Completions {
    private static final int KEPT = 10_000;

    /** One finished update and the chat its replies went to. */
    record Done(long seq, int updateId, long chat) {
    }

    private final Map<Integer, Long> byUpdate = new LinkedHashMap<>();
    private final Map<Long, Long> bySeq = new LinkedHashMap<>();

    synchronized void done(Done d) {
        if (d.updateId() != 0) {
            put(byUpdate, d.updateId(), d.chat());
        }
        put(bySeq, d.seq(), d.chat());
        notifyAll();
    }

    private static <K> void put(Map<K, Long> map, K key, long chat) {
        map.put(key, chat);
        if (map.size() > KEPT) {
            map.remove(map.keySet().iterator().next());
        }
    }

    synchronized Optional<Long> awaitUpdate(int updateId, Duration timeout) throws InterruptedException {
        return await(byUpdate, updateId, timeout);
    }

    synchronized Optional<Long> awaitSeq(long seq, Duration timeout) throws InterruptedException {
        return await(bySeq, seq, timeout);
    }

    private <K> Optional<Long> await(Map<K, Long> map, K key, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Long chat;
        while ((chat = map.get(key)) == null) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return Optional.empty();
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return Optional.of(chat);
    }
}
