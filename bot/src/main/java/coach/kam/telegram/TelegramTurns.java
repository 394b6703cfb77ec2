package coach.kam.telegram;

import coach.kam.access.Access;
import coach.kam.conversation.Conversation;
import coach.kam.conversation.Event;
import coach.kam.conversation.InlineSearch;
import coach.kam.conversation.Messages;
import coach.kam.conversation.Reply;
import coach.kam.delivery.SendQueue;
import coach.kam.pipeline.Pending;
import coach.kam.pipeline.TurnHandler;
import coach.kam.quarantine.Quarantine;
import coach.kam.store.HandledUpdates;
import coach.kam.store.Tx;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.AnswerInlineQuery;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.inlinequery.inputmessagecontent.InputTextMessageContent;
import org.telegram.telegrambots.meta.api.objects.inlinequery.result.InlineQueryResult;
import org.telegram.telegrambots.meta.api.objects.inlinequery.result.InlineQueryResultArticle;

/**
 * One Telegram update as a turn: the access check, group chats, inline queries and callback
 * answers (sent directly, after the commit), and everything else translated to an {@link Event}
 * for the conversation. Translation only: ordering, isolation and commits are the pipeline's.
 */
final class TelegramTurns implements TurnHandler, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TelegramTurns.class);
    private static final int INLINE_CACHE_SECONDS = 10;

    private final Conversation conversation;
    private final Access access;
    private final InlineSearch inline;
    private final SendQueue queue;
    private final ReplySender sender;
    private final Clock clock;
    private final TelegramFiles files;
    private final Set<Long> refused = ConcurrentHashMap.newKeySet();
    /** Taps answered with an edit: one thread per stripe of chats, so one chat's edits keep their order. */
    private final List<ExecutorService> edits = java.util.stream.IntStream.range(0, 4)
            .mapToObj(i -> Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "kam-edit-" + i);
                t.setDaemon(true);
                return t;
            })).toList();
    private final ExecutorService direct = Executors.newFixedThreadPool(4, r -> {
        Thread t = new Thread(r, "kam-answer");
        t.setDaemon(true);
        return t;
    });

    TelegramTurns(Conversation conversation, Access access, InlineSearch inline, SendQueue queue, ReplySender sender,
                  Clock clock, TelegramFiles files) {
        this.conversation = conversation;
        this.access = access;
        this.inline = inline;
        this.queue = queue;
        this.sender = sender;
        this.clock = clock;
        this.files = files;
    }

    static RawUpdate read(Pending p) {
        return p.decoded(InboxGetUpdates::parse);
    }

    @Override
    public void prepare(Pending p) {
        RawUpdate update = read(p);
        if (update.problem() == null && update.hasMessage() && update.getMessage().hasText()) {
            User from = update.getMessage().getFrom();
            conversation.prepare(update.getMessage().getText(), from == null ? null : from.getLanguageCode());
        }
    }

    @Override
    public Step handle(Tx tx, Pending p) {
        int id = p.entry().updateId();
        RawUpdate update = read(p);
        if (update.problem() != null) {
            LOG.warn("update {} could not be read and is skipped: {}", id, update.problem());
            HandledUpdates.in(tx).mark(id);
            return Step.done(p.entry().chatKey());
        }
        if (HandledUpdates.in(tx).isHandled(id)) {
            return Step.done(0);
        }
        Optional<User> from = UpdateTranslator.sender(update);
        if (from.isEmpty()) {
            HandledUpdates.in(tx).mark(id);
            return Step.done(0);
        }
        User user = from.get();
        long replyChat = update.hasMessage() ? update.getMessage().getChatId() : user.getId();
        List<Runnable> after = new ArrayList<>();
        if (!admitted(tx, update, user, after)) {
            HandledUpdates.in(tx).mark(id);
            return Step.done(replyChat, after);
        }
        if (update.hasInlineQuery()) {
            String lang = conversation.languageOf(tx, user.getId(), user.getLanguageCode());
            after.add(() -> direct.execute(() -> answerInline(update, user, lang)));
            HandledUpdates.in(tx).mark(id);
            return Step.done(replyChat, after);
        }
        Runnable answered = null;
        if (update.hasCallbackQuery() && !p.entry().noticed()) {
            answered = answerCallback(update);
            after.add(answered);
        }
        if (update.hasMessage() && !isPrivate(update)) {
            // Account data must not be shown to a whole group; inline mode still works there.
            if (update.getMessage().hasText() && update.getMessage().getText().startsWith("/")) {
                String lang = conversation.languageOf(tx, user.getId(), user.getLanguageCode());
                queue.enqueue(tx, replyChat, List.of(Reply.of(conversation.messages().get(lang, "private.only"))));
            }
            HandledUpdates.in(tx).mark(id);
            return Step.done(replyChat, after);
        }
        Optional<Event> event = UpdateTranslator.toEvent(update, files);
        if (event.isEmpty()) {
            HandledUpdates.in(tx).mark(id);
            return Step.done(0, after);
        }
        long chatId = event.get().chatId();
        queue.chatWrote(tx, chatId);
        Conversation.Outcome outcome = conversation.handleIn(tx, event.get());
        return switch (outcome.kind()) {
            case DUPLICATE -> Step.done(chatId, after);
            case REDO -> Step.waiting(chatId, outcome.replies(), outcome.redo(), after);
            default -> {
                List<Reply> replies = outcome.replies();
                Optional<StepEdits.Tapped> tapped = answered == null ? Optional.empty() : StepEdits.tapped(update);
                Optional<Reply> inPlace = tapped.flatMap(t -> StepEdits.replacement(outcome.replies()));
                if (inPlace.isPresent()) {
                    // the next step replaces the tapped one: edit it, then answer the tap, both right after the commit
                    after.remove(answered);
                    after.add(answerAndEdit(update, tapped.get(), inPlace.get()));
                    replies = replies.stream().filter(r -> r != inPlace.get()).toList();
                }
                queue.enqueue(tx, chatId, replies);
                yield outcome.deferred().isEmpty() ? Step.done(chatId, after)
                        : Step.deferred(chatId, after, outcome.deferred());
            }
        };
    }

    @Override
    public void quarantined(Tx tx, Pending p, Quarantine.Item item) {
        RawUpdate update = read(p);
        if (update.problem() != null) {
            return;
        }
        Optional<User> from = UpdateTranslator.sender(update);
        if (from.isEmpty() || update.hasInlineQuery()) {
            return;
        }
        if (update.hasCallbackQuery() && !p.entry().noticed()) {
            tx.afterCommit(answerCallback(update));
        }
        if (update.hasMessage() && !isPrivate(update)) {
            return;
        }
        User user = from.get();
        String lang = conversation.languageOf(tx, user.getId(), user.getLanguageCode());
        queue.enqueue(tx, user.getId(), List.of(Reply.of(
                conversation.messages().get(lang, "error.quarantined", item.id()))));
    }

    private static boolean isPrivate(Update update) {
        var chat = update.getMessage().getChat();
        return chat != null && "private".equals(chat.getType());
    }

    private Runnable answerAndEdit(Update update, StepEdits.Tapped tapped, Reply reply) {
        String queryId = update.getCallbackQuery().getId();
        ExecutorService stripe = edits.get(Math.floorMod(Long.hashCode(tapped.chatId()), edits.size()));
        // the edit first, then the answer that stops the tap's spinner: when the spinner stops, the step shows
        return () -> stripe.execute(() -> {
            StepEdits.edit(sender, conversation.store(), queue, tapped, reply);
            sender.execute(AnswerCallbackQuery.builder().callbackQueryId(queryId).build());
        });
    }

    private Runnable answerCallback(Update update) {
        String queryId = update.getCallbackQuery().getId();
        return () -> direct.execute(() -> sender.execute(AnswerCallbackQuery.builder().callbackQueryId(queryId).build()));
    }

    /**
     * Whether the user may use the bot. A stranger is told so once, in a private chat only (never
     * in a group, where the refusal would be noise for everyone); an invite code lets them in.
     */
    private boolean admitted(Tx tx, Update update, User user, List<Runnable> after) {
        if (access.isAllowed(tx, user.getId())) {
            return true;
        }
        String lang = Messages.languageFor(user.getLanguageCode());
        boolean privateMessage = update.hasMessage() && isPrivate(update);
        String text = update.hasMessage() ? update.getMessage().getText() : null;
        if (privateMessage && access.tryInvite(tx, user.getId(), text, clock.instant())) {
            after.add(() -> refused.remove(user.getId()));
            queue.enqueue(tx, update.getMessage().getChatId(),
                    List.of(Reply.of(conversation.messages().get(lang, "access.welcome"))));
            return false;
        }
        if (privateMessage && !refused.contains(user.getId())) {
            after.add(() -> refused.add(user.getId()));
            queue.enqueue(tx, update.getMessage().getChatId(),
                    List.of(Reply.of(conversation.messages().get(lang, "access.refused"))));
        } else if (update.hasCallbackQuery()) {
            after.add(answerCallback(update));
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
        } catch (Throwable e) {
            LOG.error("inline query from user {} failed", user.getId(), e);
        }
        sender.execute(AnswerInlineQuery.builder().inlineQueryId(query.getId()).results(results)
                .cacheTime(INLINE_CACHE_SECONDS).isPersonal(true).build());
    }

    @Override
    public void close() {
        edits.forEach(ExecutorService::shutdown);
        direct.shutdown();
        try {
            direct.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
