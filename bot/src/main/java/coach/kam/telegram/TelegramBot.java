package coach.kam.telegram;

import coach.kam.access.Access;
import coach.kam.conversation.Conversation;
import coach.kam.conversation.InlineSearch;
import coach.kam.delivery.SendQueue;
import coach.kam.pipeline.Pipeline;
import coach.kam.store.Store;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.longpolling.interfaces.LongPollingUpdateConsumer;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;

/**
 * Long polling's way into the {@link Pipeline}: {@link #consume} makes a batch durable in the inbox
 * and returns, so the library confirms only what is stored and polling never waits for handling.
 * What a turn does with an update is {@link TelegramTurns}'.
 */
public final class TelegramBot implements LongPollingUpdateConsumer, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TelegramBot.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Pipeline pipeline;
    private final TelegramTurns turns;
    private final IntakeGate gate;
    private volatile boolean running = true;

    TelegramBot(Store store, Conversation conversation, Access access, InlineSearch inline, SendQueue queue,
                ReplySender sender, Clock clock) {
        this(store, conversation, access, inline, queue, sender, clock, null, null);
    }

    /**
     * With {@code files} reading documents users send (null: documents are ignored) and
     * {@code dataDir} holding the note of the group in hand (null: process deaths are not counted).
     */
    TelegramBot(Store store, Conversation conversation, Access access, InlineSearch inline, SendQueue queue,
                ReplySender sender, Clock clock, TelegramFiles files, Path dataDir) {
        this.turns = new TelegramTurns(conversation, access, inline, queue, sender, clock, files);
        this.pipeline = new Pipeline(store, queue, turns, clock,
                dataDir == null ? null : dataDir.resolve("inbox.inhand")).start();
        this.gate = new IntakeGate(store, access, sender, conversation.messages(), clock)
                .onAnswered(pipeline::answeredAtDoor);
    }

    @Override
    public void consume(List<Update> updates) {
        List<Update> admitted = gate.admit(updates);
        if (admitted.isEmpty()) {
            return;
        }
        List<Pipeline.Incoming> incoming = incoming(admitted);
        for (int attempt = 1; running; attempt++) {
            try {
                pipeline.receive(incoming);
                gate.recovered();
                return;
            } catch (RuntimeException e) {
                outage(admitted, e);
                // the library confirms this batch with its next poll, so it must be stored before we return
                LOG.error("cannot store received updates (attempt {}), trying again", attempt, e);
                try {
                    Thread.sleep(Math.min(5_000, 100L * attempt));
                } catch (InterruptedException stop) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /**
     * Makes updates durable in the inbox once, for an intake that reports a failure to its sender
     * itself (the webhook answers an error and Telegram posts again); throws when the store cannot
     * take them or the bot is stopping.
     */
    void store(List<Update> updates) {
        if (!running) {
            throw new IllegalStateException("the bot is stopping");
        }
        List<Update> admitted = gate.admit(updates);
        if (admitted.isEmpty()) {
            return;
        }
        try {
            pipeline.receive(incoming(admitted));
            gate.recovered();
        } catch (RuntimeException e) {
            outage(admitted, e);
            throw e;
        }
    }

    /** A batch the store could not take because it takes no writes: its senders are told. */
    private void outage(List<Update> admitted, RuntimeException e) {
        java.util.Optional<String> reason = e instanceof coach.kam.store.StoreOutage ? java.util.Optional.of(e.getMessage())
                : gate.storeOutage();
        reason.ifPresent(why -> gate.outage(admitted, why));
    }

    boolean running() {
        return running;
    }

    private static List<Pipeline.Incoming> incoming(List<Update> updates) {
        List<Pipeline.Incoming> incoming = new ArrayList<>(updates.size());
        for (Update u : updates) {
            RawUpdate raw = u instanceof RawUpdate r ? r : null;
            String json = raw != null && raw.raw() != null ? raw.raw() : toJson(u);
            long key = raw != null && raw.problem() != null ? 0 : chatKey(u);
            incoming.add(new Pipeline.Incoming(u.getUpdateId(), key, json, raw));
        }
        return incoming;
    }

    /** Stops taking updates; those stored are still handled until {@link #close()}. */
    void stopIntake() {
        running = false;
    }

    private static String toJson(Update u) {
        try {
            return MAPPER.writeValueAsString(u);
        } catch (Exception e) {
            throw new IllegalStateException("cannot write update " + u.getUpdateId(), e);
        }
    }

    /** A chat's updates stay together: the sender's private chat, or 0 for what has no sender. */
    private static long chatKey(Update u) {
        return UpdateTranslator.sender(u).map(User::getId).orElse(0L);
    }

    /**
     * Waits until the update with this id was handled by this process and the messages queued for
     * its chat were accepted by Telegram; false on timeout.
     */
    public boolean awaitHandled(int updateId, Duration timeout) throws InterruptedException {
        return pipeline.awaitHandled(updateId, timeout);
    }

    /** Updates received but not handled yet. */
    public int waiting() {
        return pipeline.waiting();
    }

    public Pipeline pipeline() {
        return pipeline;
    }

    /** Stops handling; what is still in the inbox is handled at the next start. */
    @Override
    public void close() {
        running = false;
        pipeline.close();
        turns.close();
        gate.close();
    }
}
