package coach.kam.telegram;

import coach.kam.access.Access;
import coach.kam.conversation.Conversation;
import coach.kam.conversation.Event;
import coach.kam.conversation.InlineSearch;
import coach.kam.conversation.Messages;
import coach.kam.conversation.Outbox;
import coach.kam.conversation.Reply;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
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
 * Handles each batch of updates before returning, so the library confirms the batch only after it
 * was handled: a crash makes the batch come back, and the update ids recorded in the store make
 * the repeat change nothing. Chats in one batch are handled in parallel, each chat in order.
 */
public final class TelegramBot implements LongPollingUpdateConsumer {
    private static final Logger LOG = LoggerFactory.getLogger(TelegramBot.class);
    private static final int INLINE_CACHE_SECONDS = 10;

    private final Conversation conversation;
    private final Access access;
    private final InlineSearch inline;
    private final ReplySender sender;
    private final ExecutorService workers;
    private final Clock clock;
    private final Set<Long> refused = ConcurrentHashMap.newKeySet();
    /** Recently handled update ids, for {@link #awaitHandled}; bounded so a long-running bot does not grow. */
    private final java.util.TreeSet<Integer> handledIds = new java.util.TreeSet<>();
    private static final int HANDLED_IDS_KEPT = 10_000;

    TelegramBot(Conversation conversation, Access access, InlineSearch inline, ReplySender sender,
                ExecutorService workers, Clock clock) {
        this.conversation = conversation;
        this.access = access;
        this.inline = inline;
        this.sender = sender;
        this.workers = workers;
        this.clock = clock;
    }

    @Override
    public void consume(List<Update> updates) {
        Map<Long, List<Update>> byUser = new LinkedHashMap<>();
        for (Update u : updates) {
            long key = UpdateTranslator.sender(u).map(User::getId).orElse(0L);
            byUser.computeIfAbsent(key, k -> new ArrayList<>()).add(u);
        }
        List<Future<?>> running = new ArrayList<>();
        for (List<Update> chatUpdates : byUser.values()) {
            running.add(workers.submit(() -> chatUpdates.forEach(this::handleSafely)));
        }
        for (Future<?> f : running) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                LOG.error("update handling failed", e);
            }
        }
    }

    /** Sends what a previous run committed but did not get to send. */
    void sendOwedReplies() {
        for (Outbox.Entry owed : conversation.outbox().pending()) {
            sender.send(owed.chatId(), owed.replies());
            conversation.outbox().delivered(owed.updateId());
        }
    }

    private void handleSafely(Update update) {
        try {
            handle(update);
        } catch (RuntimeException e) {
            // One bad update must not block the rest; its id is not recorded, so it is retried on redelivery.
            LOG.error("update {} failed", update.getUpdateId(), e);
        } finally {
            synchronized (handledIds) {
                handledIds.add(update.getUpdateId());
                if (handledIds.size() > HANDLED_IDS_KEPT) {
                    handledIds.pollFirst();
                }
                handledIds.notifyAll();
            }
        }
    }

    /** Waits until the update with this id was handled by this process and its replies sent; false on timeout. */
    boolean awaitHandled(int updateId, java.time.Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (handledIds) {
            while (!handledIds.contains(updateId)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                handledIds.wait(left / 1_000_000 + 1);
            }
            return true;
        }
    }

    private void handle(Update update) {
        Optional<User> from = UpdateTranslator.sender(update);
        if (from.isEmpty()) {
            return;
        }
        User user = from.get();
        if (!admitted(update, user)) {
            return;
        }
        if (update.hasInlineQuery()) {
            answerInline(update, user);
            return;
        }
        if (update.hasCallbackQuery()) {
            sender.execute(AnswerCallbackQuery.builder().callbackQueryId(update.getCallbackQuery().getId()).build());
        }
        if (update.hasMessage() && !"private".equals(update.getMessage().getChat().getType())) {
            // Account data must not be shown to a whole group; inline mode still works there.
            if (update.getMessage().hasText() && update.getMessage().getText().startsWith("/")) {
                String lang = conversation.languageOf(user.getId(), user.getLanguageCode());
                sender.send(update.getMessage().getChatId(),
                        List.of(Reply.of(conversation.messages().get(lang, "private.only"))));
            }
            return;
        }
        Optional<Event> event = UpdateTranslator.toEvent(update);
        if (event.isEmpty()) {
            return;
        }
        long chatId = event.get().chatId();
        conversation.handle(event.get(), replies -> sender.send(chatId, replies));
        conversation.outbox().delivered(update.getUpdateId());
    }

    private boolean admitted(Update update, User user) {
        if (access.isAllowed(user.getId())) {
            return true;
        }
        String lang = Messages.languageFor(user.getLanguageCode());
        String text = update.hasMessage() ? update.getMessage().getText() : null;
        if (access.tryInvite(user.getId(), text, clock.instant())) {
            refused.remove(user.getId());
            sender.send(update.getMessage().getChatId(),
                    List.of(Reply.of(conversation.messages().get(lang, "access.welcome"))));
            return false;
        }
        if (update.hasMessage() && refused.add(user.getId())) {
            sender.send(update.getMessage().getChatId(),
                    List.of(Reply.of(conversation.messages().get(lang, "access.refused"))));
        } else if (update.hasCallbackQuery()) {
            sender.execute(AnswerCallbackQuery.builder().callbackQueryId(update.getCallbackQuery().getId()).build());
        } else if (update.hasInlineQuery()) {
            sender.execute(AnswerInlineQuery.builder().inlineQueryId(update.getInlineQuery().getId())
                    .results(List.of()).cacheTime(0).isPersonal(true).build());
        }
        return false;
    }

    private void answerInline(Update update, User user) {
        var query = update.getInlineQuery();
        String lang = conversation.languageOf(user.getId(), user.getLanguageCode());
        List<InlineQueryResult> results = new ArrayList<>();
        for (InlineSearch.Result r : inline.search(user.getId(), lang, query.getQuery())) {
            results.add(InlineQueryResultArticle.builder().id(r.id()).title(r.title()).description(r.description())
                    .inputMessageContent(InputTextMessageContent.builder().messageText(
                            MessageSplitter.split(r.html()).get(0)).parseMode("HTML").build())
                    .build());
        }
        sender.execute(AnswerInlineQuery.builder().inlineQueryId(query.getId()).results(results)
                .cacheTime(INLINE_CACHE_SECONDS).isPersonal(true).build());
    }
}
