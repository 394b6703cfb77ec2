package coach.kam.telegram;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * The updates waiting for getUpdates, with the Bot API's offset semantics: a poll with offset N
 * confirms (drops) every update below N and answers those from N on; a negative offset keeps only
 * the last -N updates. An empty poll is held until an update arrives, the queue closes, or
 * min(timeout, {@link #MAX_HOLD_MILLIS}) passes. Thread-safe (one monitor).
 */
final class FakeBotApiUpdateQueue {

    /** Longest time an empty getUpdates is held, whatever timeout the client asked for. */
    static final long MAX_HOLD_MILLIS = 2_000;

    private final NavigableMap<Long, ObjectNode> updates = new TreeMap<>();
    private long nextUpdateId = 1;
    private boolean closed;

    /** Adds an update; assigns the next update_id when it has none. Returns its update_id. */
    synchronized long add(ObjectNode update) {
        long id = update.hasNonNull("update_id") ? update.get("update_id").asLong() : nextUpdateId;
        update.put("update_id", id);
        nextUpdateId = Math.max(nextUpdateId, id + 1);
        updates.put(id, update);
        notifyAll();
        return id;
    }

    /** Updates not yet confirmed by an offset (delivered or not). */
    synchronized int pending() {
        return updates.size();
    }

    /** Drops what an offset confirms (done before the call is recorded, so a test that saw the call sees the drop). */
    synchronized void confirm(long offset) {
        if (offset > 0) {
            updates.headMap(offset, false).clear();
        }
    }

    /** Answers one getUpdates call. */
    synchronized ArrayNode poll(long offset, int limit, long timeoutSeconds) throws InterruptedException {
        long holdMillis = Math.min(Math.max(0, timeoutSeconds) * 1000, MAX_HOLD_MILLIS);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(holdMillis);
        if (offset > 0) {
            updates.headMap(offset, false).clear();
        } else if (offset < 0) {
            while (updates.size() > -offset) {
                updates.pollFirstEntry();
            }
        }
        long remaining = deadline - System.nanoTime();
        while (updates.isEmpty() && !closed && remaining > 0) {
            TimeUnit.NANOSECONDS.timedWait(this, remaining);
            remaining = deadline - System.nanoTime();
        }
        ArrayNode batch = JsonNodeFactory.instance.arrayNode();
        updates.values().stream().limit(Math.max(1, Math.min(100, limit))).forEach(u -> batch.add(u.deepCopy()));
        return batch;
    }

    /** Releases held polls; later polls answer at once. */
    synchronized void close() {
        closed = true;
        notifyAll();
    }
}
