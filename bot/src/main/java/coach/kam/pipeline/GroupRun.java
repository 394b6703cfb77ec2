package coach.kam.pipeline;

import coach.kam.delivery.SendQueue;
import coach.kam.quarantine.Quarantine;
import coach.kam.store.Store;
import coach.kam.store.Tx;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles a group of updates in one transaction, each in a scope of its own: whatever one turn
 * throws discards that turn alone, counts an attempt against its update, and the others commit.
 * An update that failed {@value Quarantine#MAX_ATTEMPTS} times goes to the quarantine and its
 * sender is told. A group stops taking further chats once it ran for {@link #BUDGET_NANOS}, so a
 * slow turn holds the store's lock for itself only. When the group's transaction itself fails,
 * its chats are tried one at a time, and a chat that fails alone counts an attempt too.
 */
final class GroupRun {
    private static final Logger LOG = LoggerFactory.getLogger(GroupRun.class);
    static final long BUDGET_NANOS = 200_000_000L;

    /** What a committed group left to do: its parts for the chat order, the completions, the work after it. */
    record Result(Map<Long, List<Pending>> putBack, List<Long> release, List<Completions.Done> done,
                  List<Runnable> afterCommit, List<AfterWork.Job> later) {
    }

    private final SendQueue queue;
    private final InHand inHand;
    private final Outbox outbox;
    private final TurnHandler handler;
    private final Clock clock;
    /** Chats of a group whose transaction failed: until each ran alone, groups hold one chat. */
    private final Set<Long> solo = new HashSet<>();
    volatile PipelineMeters meters = PipelineMeters.none();

    GroupRun(SendQueue queue, Outbox outbox, TurnHandler handler, Clock clock, InHand inHand) {
        this.inHand = inHand;
        this.queue = queue;
        this.outbox = outbox;
        this.handler = handler;
        this.clock = clock;
    }

    boolean soloNext() {
        return !solo.isEmpty();
    }

    Result run(Store store, Map<Long, List<Pending>> group) {
        Result r = store.inTransaction(tx -> {
            Result result = new Result(new LinkedHashMap<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
                    new ArrayList<>());
            if (queue != null) {
                queue.removeSent(tx);
            }
            long started = System.nanoTime();
            boolean any = false;
            for (Map.Entry<Long, List<Pending>> chat : group.entrySet()) {
                if (any && System.nanoTime() - started > BUDGET_NANOS) {
                    // the rest runs in the next group, so a slow turn does not hold other chats' replies
                    result.putBack().put(chat.getKey(), chat.getValue());
                    result.release().add(chat.getKey());
                    continue;
                }
                any = true;
                runChat(tx, chat.getKey(), chat.getValue(), result);
            }
            return result;
        });
        solo.removeAll(group.keySet());
        return r;
    }

    private void runChat(Tx tx, long chat, List<Pending> items, Result result) {
        for (int i = 0; i < items.size(); i++) {
            Pending p = items.get(i);
            Outcome o = one(tx, chat, p, result);
            if (o == Outcome.NEXT) {
                continue;
            }
            List<Pending> rest = new ArrayList<>(items.subList(o == Outcome.AGAIN || o == Outcome.WAIT ? i : i + 1,
                    items.size()));
            if (!rest.isEmpty()) {
                result.putBack().put(chat, rest);
            }
            if (o == Outcome.AGAIN) {
                result.release().add(chat);
            }
            return;
        }
        result.release().add(chat);
    }

    /** NEXT: go on with the chat; HELD: the chat waits for work after the commit; WAIT: this update stays first and the chat waits; AGAIN: this update stays first, the chat is free. */
    private enum Outcome { NEXT, HELD, WAIT, AGAIN }

    private Outcome one(Tx tx, long chat, Pending p, Result result) {
        Inbox.Entry entry = p.entry();
        Tx.Scope scope = tx.scope();
        TurnHandler.Step step;
        inHand.mark(entry.seq());
        long started = System.nanoTime();
        try {
            step = handler.handle(scope, p);
            scope.keep();
        } catch (Throwable e) {
            meters.failed.increment();
            return failed(tx, p, e, result);
        } finally {
            inHand.clear();
            meters.turn.record(System.nanoTime() - started, java.util.concurrent.TimeUnit.NANOSECONDS);
        }
        result.afterCommit().addAll(step.afterCommit());
        Completions.Done done = new Completions.Done(entry.seq(), entry.updateId(), step.replyChat());
        switch (step.kind()) {
            case DONE -> {
                Inbox.remove(tx, entry);
                result.done().add(done);
                result.afterCommit().add(meters.handled::increment);
                return Outcome.NEXT;
            }
            case DEFERRED -> {
                Inbox.remove(tx, entry);
                result.afterCommit().add(meters.handled::increment);
                result.later().add(new AfterWork.Job(chat, step.replyChat(), step.deferred(), null, done));
                return Outcome.HELD;
            }
            default -> {
                Inbox.Entry kept = entry;
                if (!entry.noticed()) {
                    if (!step.replies().isEmpty()) {
                        outbox.send(tx, step.replyChat(), step.replies());
                    }
                    kept = entry.withNoticed();
                }
                Inbox.put(tx, kept);
                Inbox.Entry now = kept;
                result.afterCommit().add(() -> p.entry(now));
                result.later().add(new AfterWork.Job(chat, step.replyChat(), List.of(), step.redo(), null));
                return Outcome.WAIT;
            }
        }
    }

    private Outcome failed(Tx tx, Pending p, Throwable e, Result result) {
        Inbox.Entry entry = p.entry().withFailure();
        log(e, "update " + entry.updateId() + " from chat " + entry.chatKey() + " failed (attempt " + entry.attempts()
                + " of " + Quarantine.MAX_ATTEMPTS + "); nothing it changed was kept");
        if (entry.attempts() >= Quarantine.MAX_ATTEMPTS) {
            result.done().add(setAside(tx, p, entry, e, handler, clock));
            result.afterCommit().add(meters.quarantined::increment);
            return Outcome.NEXT;
        }
        Inbox.put(tx, entry);
        result.afterCommit().add(() -> p.entry(entry));
        return Outcome.AGAIN;
    }

    /**
     * Moves an update from the inbox to the quarantine and tells its sender ({@code e} null: the
     * process died while its turn ran); returns its completion.
     */
    static Completions.Done setAside(Tx tx, Pending p, Inbox.Entry entry, Throwable e, TurnHandler handler,
                                     Clock clock) {
        Quarantine.Item item = Quarantine.add(tx, Quarantine.Kind.UPDATE, entry.chatKey(), entry.updateId(),
                clock.instant(), entry.attempts(), entry.deaths(), e, entry.json());
        LOG.error("update {} from chat {} is set aside as quarantine item {} ({})", entry.updateId(), entry.chatKey(),
                item.id(), item.error());
        Inbox.remove(tx, entry);
        Tx.Scope scope = tx.scope();
        try {
            handler.quarantined(scope, p, item);
            scope.keep();
        } catch (Throwable told) {
            LOG.error("could not tell chat {} about quarantine item {}", entry.chatKey(), item.id(), told);
        }
        return new Completions.Done(entry.seq(), entry.updateId(), entry.chatKey());
    }

    /**
     * The group's transaction failed, so nothing of it was kept. Its chats run alone from now on;
     * a chat that was alone already counts the attempt against its first update, in a transaction
     * of its own, and goes to the quarantine after the last.
     */
    Completions.Done failed(Store store, Map<Long, List<Pending>> group, Throwable e) {
        if (group.size() > 1 || group.values().stream().mapToInt(List::size).sum() > 1) {
            solo.addAll(group.keySet());
            return null;
        }
        Pending p = group.values().iterator().next().get(0);
        Inbox.Entry entry = p.entry().withFailure();
        try {
            Completions.Done gone = store.inTransaction(tx -> {
                if (entry.attempts() >= Quarantine.MAX_ATTEMPTS) {
                    return setAside(tx, p, entry, e, handler, clock);
                }
                Inbox.put(tx, entry);
                return null;
            });
            p.entry(entry);
            meters.failed.increment();
            if (gone != null) {
                meters.quarantined.increment();
                group.get(entry.chatKey()).clear();
                solo.remove(entry.chatKey());
            }
            return gone;
        } catch (Throwable again) {
            LOG.error("the store cannot record the failure of update {} either", entry.updateId(), again);
            return null;
        }
    }

    /** Logs a failure; a stack overflow with its top frames only, not a thousand identical ones. */
    static void log(Throwable e, String what) {
        if (e instanceof StackOverflowError) {
            StackTraceElement[] frames = e.getStackTrace();
            StringBuilder top = new StringBuilder();
            for (int i = 0; i < Math.min(8, frames.length); i++) {
                top.append("\n\tat ").append(frames[i]);
            }
            LOG.error("{}: StackOverflowError{}", what, top);
        } else {
            LOG.error(what, e);
        }
    }
}
