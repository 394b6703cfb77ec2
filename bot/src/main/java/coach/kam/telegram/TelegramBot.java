package coach.kam.telegram;

import coach.kam.access.Access;
import coach.kam.conversation.Conversation;
import coach.kam.conversation.Event;
import coach.kam.conversation.InlineSearch;
import coach.kam.conversation.Messages;
import coach.kam.conversation.Reply;
import coach.kam.delivery.SendQueue;
import coach.kam.store.Store;
import coach.kam.store.Table;
import coach.kam.store.Tx;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.longpolling.interfaces.LongPollingUpdateConsumer;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.AnswerInlineQuery;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.inlinequery.inputmessagecontent.InputTextMessageContent;
import org.telegram.telegrambots.meta.api.objects.inlinequery.result.InlineQueryResult;
import org.telegram.telegrambots.meta.api.objects.inlinequery.result.InlineQueryResultArticle;

/**
 * A durable inbox in front of the conversation. {@link #consume} writes the batch's updates, as
 * received, to the store in one commit and returns at once, so the library confirms only what is
 * durable and polling never waits for handling. One handler thread takes what is waiting across
 * chats and handles it in one transaction (group commit): per update the access check, the turn,
 * its outgoing messages (into the send queue), the handled mark and the inbox removal. Each chat's
 * updates run in order; a chat whose turn waits (for the search index, or a language model after
 * its commit) is set aside until that is over, and the other chats go on.
 */
public final class TelegramBot implements LongPollingUpdateConsumer, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TelegramBot.class);
    private static final int INLINE_CACHE_SECONDS = 10;
    private static final int GROUP_LIMIT = 256;
    private static final int HANDLED_IDS_KEPT = 10_000;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** An update waiting in the inbox; {@code noticed} once its "one moment" was queued. */
    public record InboxEntry(long seq, int updateId, long chatKey, String json, boolean noticed) {
        InboxEntry withNoticed() {
            return new InboxEntry(seq, updateId, chatKey, json, true);
        }
    }

    static final Table<InboxEntry> INBOX = Table.of("inbox", InboxEntry.class);

    private final Store store;
    private final Conversation conversation;
    private final Access access;
    private final InlineSearch inline;
    private final SendQueue queue;
    private final ReplySender sender;
    private final Clock clock;
    private final TelegramFiles files;
    private final Set<Long> refused = ConcurrentHashMap.newKeySet();

    private final ExecutorService direct = Executors.newFixedThreadPool(4, daemon("kam-answer"));
    private final ExecutorService later = Executors.newFixedThreadPool(4, daemon("kam-later"));
    private final ExecutorService waiter = Executors.newSingleThreadExecutor(daemon("kam-wait"));
    private final Thread handler;

    private final Object monitor = new Object();
    // guarded by monitor
    private final Map<Long, ChatLine> chats = new LinkedHashMap<>();
    private final LinkedHashMap<Integer, Long> handled = new LinkedHashMap<>();
    private boolean running = true;

    /** One chat's waiting updates, in order. */
    private static final class ChatLine {
        final ArrayDeque<Item> items = new ArrayDeque<>();
        boolean busy;
    }

    private static final class Item {
        volatile InboxEntry entry;
        RawUpdate update;

        Item(InboxEntry entry, RawUpdate update) {
            this.entry = entry;
            this.update = update;
        }

        RawUpdate update() {
            if (update == null) {
                update = InboxGetUpdates.parse(entry.json());
            }
            return update;
        }
    }

    /** DONE: next update; WAITING: this update stays first in its chat; DEFERRED: handled, but its chat waits. */
    private enum Status { DONE, WAITING, DEFERRED }

    TelegramBot(Store store, Conversation conversation, Access access, InlineSearch inline, SendQueue queue,
                ReplySender sender, Clock clock) {
        this(store, conversation, access, inline, queue, sender, clock, null);
    }

    /** With {@code files} reading documents users send (null: documents are ignored). */
    TelegramBot(Store store, Conversation conversation, Access access, InlineSearch inline, SendQueue queue,
                ReplySender sender, Clock clock, TelegramFiles files) {
        this.files = files;
        this.store = store;
        this.conversation = conversation;
        this.access = access;
        this.inline = inline;
        this.queue = queue;
        this.sender = sender;
        this.clock = clock;
        List<InboxEntry> left = store.inTransaction(tx -> tx.withPrefix(INBOX, ""));
        if (!left.isEmpty()) {
            LOG.info("{} update(s) received by the previous run are handled now", left.size());
        }
        synchronized (monitor) {
            left.forEach(e -> line(e.chatKey()).items.add(new Item(e, null)));
        }
        handler = daemon("kam-inbox").newThread(this::handleLoop);
        handler.start();
    }

    // ---------------------------------------------------------------- the inbox

    @Override
    public void consume(List<Update> updates) {
        List<Item> items = new ArrayList<>();
        long started = System.nanoTime();
        for (int attempt = 1; ; attempt++) {
            try {
                items.clear();
                store.inTransaction(tx -> {
                    queue.removeSent(tx);
                    for (Update u : updates) {
                        if (tx.isUpdateHandled(u.getUpdateId())) {
                            continue;
                        }
                        RawUpdate raw = u instanceof RawUpdate r ? r : null;
                        String json = raw != null && raw.raw() != null ? raw.raw() : toJson(u);
                        long key = raw != null && raw.problem() != null ? 0 : chatKey(u);
                        InboxEntry e = new InboxEntry(tx.nextId("inbox"), u.getUpdateId(), key, json, false);
                        tx.put(INBOX, key(e.seq()), e);
                        items.add(new Item(e, raw));
                    }
                    return null;
                });
                break;
            } catch (RuntimeException e) {
                // the library confirms this batch with its next poll, so it must be stored before we return
                LOG.error("cannot store received updates (attempt {}), trying again", attempt, e);
                if (!pause(Duration.ofMillis(Math.min(5_000, 100L * attempt)))) {
                    return;
                }
            }
        }
        synchronized (monitor) {
            for (Item item : items) {
                line(item.entry.chatKey()).items.add(item);
            }
            monitor.notifyAll();
        }
        count(false, items.size(), System.nanoTime() - started);
    }

    private static String toJson(Update u) {
        try {
            return MAPPER.writeValueAsString(u);
        } catch (Exception e) {
            throw new IllegalStateException("cannot write update " + u.getUpdateId(), e);
        }
    }

    private ChatLine line(long chatKey) {
        return chats.computeIfAbsent(chatKey, k -> new ChatLine());
    }

    /** A chat's updates stay together: the sender's private chat, or 0 for what has no sender. */
    private static long chatKey(Update u) {
        return UpdateTranslator.sender(u).map(User::getId).orElse(0L);
    }

    private void handleLoop() {
        while (true) {
            Map<Long, List<Item>> group = new LinkedHashMap<>();
            synchronized (monitor) {
                while (running && (group = takeGroup()).isEmpty()) {
                    try {
                        monitor.wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (!running) {
                    return;
                }
            }
            try {
                handleGroup(group);
            } catch (RuntimeException e) {
                LOG.error("handling {} chat(s) failed; their updates stay in the inbox", group.size(), e);
                synchronized (monitor) {
                    group.forEach((chat, items) -> {
                        ChatLine line = line(chat);
                        for (int i = items.size() - 1; i >= 0; i--) {
                            line.items.addFirst(items.get(i));
                        }
                        line.busy = false;
                    });
                }
                if (!pause(Duration.ofSeconds(1))) {
                    return;
                }
            }
        }
    }

    /** Everything waiting in chats that are free, up to a limit; those chats are busy until it is handled. */
    private Map<Long, List<Item>> takeGroup() {
        Map<Long, List<Item>> group = new LinkedHashMap<>();
        int taken = 0;
        List<Long> served = new ArrayList<>();
        for (Iterator<Map.Entry<Long, ChatLine>> it = chats.entrySet().iterator(); it.hasNext() && taken < GROUP_LIMIT; ) {
            Map.Entry<Long, ChatLine> e = it.next();
            ChatLine line = e.getValue();
            if (line.busy) {
                continue;
            }
            if (line.items.isEmpty()) {
                it.remove();
                continue;
            }
            List<Item> items = new ArrayList<>();
            while (!line.items.isEmpty() && taken < GROUP_LIMIT) {
                items.add(line.items.pollFirst());
                taken++;
            }
            line.busy = true;
            group.put(e.getKey(), items);
            served.add(e.getKey());
        }
        // round robin: chats just served go to the back
        for (Long id : served) {
            chats.put(id, chats.remove(id));
        }
        return group;
    }

    // counters for the debug log: how well commits are shared
    private long groups;
    private long groupItems;
    private long groupNanos;
    private long batches;
    private long batchItems;
    private long batchNanos;
    private long lastReport = System.nanoTime();

    private synchronized void count(boolean group, int items, long nanos) {
        if (group) {
            groups++;
            groupItems += items;
            groupNanos += nanos;
        } else {
            batches++;
            batchItems += items;
            batchNanos += nanos;
        }
        if (LOG.isDebugEnabled() && System.nanoTime() - lastReport > 2_000_000_000L) {
            lastReport = System.nanoTime();
            LOG.debug("inbox: {} batches, {} updates, {} ms a commit; handled: {} groups, {} updates, {} ms a group",
                    batches, batchItems, batches == 0 ? 0 : batchNanos / batches / 1_000_000,
                    groups, groupItems, groups == 0 ? 0 : groupNanos / groups / 1_000_000);
        }
    }

    private void handleGroup(Map<Long, List<Item>> group) {
        long started = System.nanoTime();
        List<Runnable> after = new ArrayList<>();
        Map<Long, List<Item>> leftOver = new LinkedHashMap<>();
        Map<Integer, Long> done = new LinkedHashMap<>();
        store.inTransaction(tx -> {
            after.clear();
            leftOver.clear();
            done.clear();
            queue.removeSent(tx);
            group.forEach((chat, items) -> {
                for (int i = 0; i < items.size(); i++) {
                    Status s = handleOne(tx, items.get(i), after, done);
                    if (s != Status.DONE) {
                        int from = s == Status.WAITING ? i : i + 1;
                        leftOver.put(chat, new ArrayList<>(items.subList(from, items.size())));
                        break;
                    }
                }
            });
            return null;
        });
        synchronized (monitor) {
            group.forEach((chat, items) -> {
                ChatLine line = line(chat);
                List<Item> left = leftOver.get(chat);
                if (left == null) {
                    line.busy = false;
                } else {
                    // the chat stays busy until its wait or deferred work is over
                    for (int i = left.size() - 1; i >= 0; i--) {
                        line.items.addFirst(left.get(i));
                    }
                }
            });
            recordHandled(done);
        }
        after.forEach(Runnable::run);
        count(true, group.values().stream().mapToInt(List::size).sum(), System.nanoTime() - started);
    }

    /** Handles one update in the group's transaction; WAITING leaves it (and its chat) for later. */
    private Status handleOne(Tx tx, Item item, List<Runnable> after, Map<Integer, Long> done) {
        InboxEntry entry = item.entry;
        int id = entry.updateId();
        RawUpdate update = item.update();
        tx.delete(INBOX, key(entry.seq()));
        if (update.problem() != null) {
            LOG.warn("update {} could not be read and is skipped: {}", id, update.problem());
            tx.markUpdateHandled(id);
            done.put(id, entry.chatKey());
            return Status.DONE;
        }
        if (tx.isUpdateHandled(id)) {
            return Status.DONE;
        }
        Optional<User> from = UpdateTranslator.sender(update);
        if (from.isEmpty()) {
            tx.markUpdateHandled(id);
            return Status.DONE;
        }
        User user = from.get();
        long replyChat = update.hasMessage() ? update.getMessage().getChatId() : user.getId();
        if (!admitted(tx, update, user, after)) {
            tx.markUpdateHandled(id);
            done.put(id, replyChat);
            return Status.DONE;
        }
        if (update.hasInlineQuery()) {
            String lang = conversation.languageOf(tx, user.getId(), user.getLanguageCode());
            after.add(() -> direct.execute(() -> answerInline(update, user, lang)));
            tx.markUpdateHandled(id);
            done.put(id, replyChat);
            return Status.DONE;
        }
        if (update.hasCallbackQuery() && !entry.noticed()) {
            String queryId = update.getCallbackQuery().getId();
            after.add(() -> direct.execute(() -> sender.execute(
                    AnswerCallbackQuery.builder().callbackQueryId(queryId).build())));
        }
        if (update.hasMessage() && !"private".equals(update.getMessage().getChat().getType())) {
            // Account data must not be shown to a whole group; inline mode still works there.
            if (update.getMessage().hasText() && update.getMessage().getText().startsWith("/")) {
                String lang = conversation.languageOf(tx, user.getId(), user.getLanguageCode());
                queue.enqueue(tx, replyChat, List.of(Reply.of(conversation.messages().get(lang, "private.only"))));
            }
            tx.markUpdateHandled(id);
            done.put(id, replyChat);
            return Status.DONE;
        }
        Optional<Event> event = UpdateTranslator.toEvent(update, files);
        if (event.isEmpty()) {
            tx.markUpdateHandled(id);
            return Status.DONE;
        }
        long chatId = event.get().chatId();
        queue.chatWrote(tx, chatId);
        Conversation.Outcome outcome = conversation.handleIn(tx, event.get());
        switch (outcome.kind()) {
            case DUPLICATE -> {
                return Status.DONE;
            }
            case REDO -> {
                // nothing of the turn was kept; the update stays in the inbox until it can be handled
                InboxEntry waiting = entry;
                if (!entry.noticed()) {
                    queue.enqueue(tx, chatId, outcome.replies());
                    waiting = entry.withNoticed();
                }
                tx.put(INBOX, key(entry.seq()), waiting);
                InboxEntry kept = waiting;
                Runnable redo = outcome.redo();
                long chat = entry.chatKey();
                after.add(() -> {
                    item.entry = kept;
                    waiter.execute(() -> {
                        try {
                            redo.run();
                        } catch (RuntimeException e) {
                            LOG.warn("still waiting to handle update {}: {}", id, e.getMessage());
                        } finally {
                            release(chat);
                        }
                    });
                });
                return Status.WAITING;
            }
            default -> {
                queue.enqueue(tx, chatId, outcome.replies());
                if (outcome.deferred().isEmpty()) {
                    done.put(id, chatId);
                    return Status.DONE;
                }
                long chat = entry.chatKey();
                List<Supplier<List<Reply>>> work = outcome.deferred();
                after.add(() -> later.execute(() -> runDeferred(id, chat, chatId, work)));
                // the update is handled; the chat waits for the deferred replies to keep its order
                return Status.DEFERRED;
            }
        }
    }

    /** Work that must not hold the transaction (a language-model call); its replies follow the turn's. */
    private void runDeferred(int updateId, long chat, long chatId, List<Supplier<List<Reply>>> work) {
        try {
            for (Supplier<List<Reply>> w : work) {
                List<Reply> replies = w.get();
                if (!replies.isEmpty()) {
                    store.inTransaction(tx -> {
                        queue.enqueue(tx, chatId, replies);
                        return null;
                    });
                }
            }
        } catch (RuntimeException e) {
            LOG.error("deferred work of update {} failed", updateId, e);
        } finally {
            synchronized (monitor) {
                recordHandled(Map.of(updateId, chatId));
            }
            release(chat);
        }
    }

    private void release(long chat) {
        synchronized (monitor) {
            line(chat).busy = false;
            monitor.notifyAll();
        }
    }

    private void recordHandled(Map<Integer, Long> done) {
        done.forEach((id, chat) -> {
            handled.put(id, chat);
            if (handled.size() > HANDLED_IDS_KEPT) {
                handled.remove(handled.keySet().iterator().next());
            }
        });
        monitor.notifyAll();
    }

    /**
     * Waits until the update with this id was handled by this process and the messages queued for
     * its chat were accepted by Telegram; false on timeout.
     */
    public boolean awaitHandled(int updateId, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Long chat;
        synchronized (monitor) {
            while ((chat = handled.get(updateId)) == null) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(monitor, left);
            }
        }
        return queue.awaitIdle(chat, Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
    }

    /** Updates received but not handled yet. */
    public int waiting() {
        synchronized (monitor) {
            return chats.values().stream().mapToInt(l -> l.items.size()).sum();
        }
    }

    // ---------------------------------------------------------------- access and direct answers

    private boolean admitted(Tx tx, Update update, User user, List<Runnable> after) {
        if (access.isAllowed(tx, user.getId())) {
            return true;
        }
        String lang = Messages.languageFor(user.getLanguageCode());
        String text = update.hasMessage() ? update.getMessage().getText() : null;
        if (update.hasMessage() && access.tryInvite(tx, user.getId(), text, clock.instant())) {
            after.add(() -> refused.remove(user.getId()));
            queue.enqueue(tx, update.getMessage().getChatId(),
                    List.of(Reply.of(conversation.messages().get(lang, "access.welcome"))));
            return false;
        }
        if (update.hasMessage() && !refused.contains(user.getId())) {
            after.add(() -> refused.add(user.getId()));
            queue.enqueue(tx, update.getMessage().getChatId(),
                    List.of(Reply.of(conversation.messages().get(lang, "access.refused"))));
        } else if (update.hasCallbackQuery()) {
            String queryId = update.getCallbackQuery().getId();
            after.add(() -> direct.execute(() -> sender.execute(
                    AnswerCallbackQuery.builder().callbackQueryId(queryId).build())));
        } else if (update.hasInlineQuery()) {
            String queryId = update.getInlineQuery().getId();
            after.add(() -> direct.execute(() -> sender.execute(AnswerInlineQuery.builder().inlineQueryId(queryId)
                    .results(List.of()).cacheTime(0).isPersonal(true).build())));
        }
        return false;
    }

    private void answerInline(Update update, User user, String lang) {
        var query = update.getInlineQuery();
        List<InlineQueryResult> results = new ArrayList<>();
        try {
            for (InlineSearch.Result r : inline.search(user.getId(), lang, query.getQuery())) {
                results.add(InlineQueryResultArticle.builder().id(r.id()).title(r.title()).description(r.description())
                        .inputMessageContent(InputTextMessageContent.builder().messageText(
                                MessageSplitter.split(r.html()).get(0)).parseMode("HTML").build())
                        .build());
            }
        } catch (RuntimeException e) {
            LOG.error("inline query from user {} failed", user.getId(), e);
        }
        sender.execute(AnswerInlineQuery.builder().inlineQueryId(query.getId()).results(results)
                .cacheTime(INLINE_CACHE_SECONDS).isPersonal(true).build());
    }

    // ---------------------------------------------------------------- lifecycle

    /** Stops handling; what is still in the inbox is handled at the next start. */
    @Override
    public void close() {
        synchronized (monitor) {
            running = false;
            monitor.notifyAll();
        }
        try {
            handler.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        waiter.shutdownNow();
        for (ExecutorService pool : List.of(later, direct)) {
            pool.shutdown();
            try {
                pool.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static boolean pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String key(long seq) {
        return String.format("%019d", seq);
    }

    private static ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
