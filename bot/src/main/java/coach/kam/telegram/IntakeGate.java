package coach.kam.telegram;

import coach.kam.access.Access;
import coach.kam.conversation.Messages;
import coach.kam.store.Store;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.AnswerInlineQuery;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;

/**
 * What reaches the store. Updates from users who may not use the bot are answered at the door
 * (a refusal once per user in a private chat, an empty answer to a button or inline query, nothing
 * in a group) and never written, so nothing they sent stays in the store file; the audit log
 * keeps the refusal by user id only. A stranger's
 * private message that carries the invite code makes them a member and is answered with the
 * welcome here too. When the store takes no
 * writes (a full disk), the senders of a batch that could not be kept are told so at once, and
 * the admins once per outage.
 */
final class IntakeGate {
    private final Store store;
    private final Access access;
    private final ReplySender sender;
    private final Messages messages;
    private final Clock clock;
    private final ExecutorService direct;
    private final Set<Long> refused = ConcurrentHashMap.newKeySet();
    private final Set<Long> toldOfOutage = ConcurrentHashMap.newKeySet();
    private volatile boolean adminsTold;
    /** Told of each update answered here (its id and chat), so that waiting on it ends. */
    private java.util.function.BiConsumer<Integer, Long> answered = (id, chat) -> { };

    IntakeGate onAnswered(java.util.function.BiConsumer<Integer, Long> done) {
        this.answered = done;
        return this;
    }

    IntakeGate(Store store, Access access, ReplySender sender, Messages messages, Clock clock) {
        this(store, access, sender, messages, clock, java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "kam-intake-answers");
            t.setDaemon(true);
            return t;
        }));
    }

    IntakeGate(Store store, Access access, ReplySender sender, Messages messages, Clock clock, ExecutorService direct) {
        this.store = store;
        this.access = access;
        this.sender = sender;
        this.messages = messages;
        this.clock = clock;
        this.direct = direct;
    }

    /**
     * The updates that may be stored; the others are answered here. When membership cannot be read
     * (the store is down) all are passed on: they are not stored then either, and are offered again.
     */
    List<Update> admit(List<Update> updates) {
        try {
            return admitted(updates);
        } catch (coach.kam.store.StoreException e) {
            return updates;
        }
    }

    private List<Update> admitted(List<Update> updates) {
        java.util.Map<Long, Boolean> allowed = allowed(updates);
        List<Update> in = new ArrayList<>(updates.size());
        for (Update u : updates) {
            Optional<User> from = sender(u);
            if (from.isEmpty() || allowed.get(from.get().getId())) {
                in.add(u);
            } else if (invited(u, from.get())) {
                // the code itself is not kept: the welcome is the whole answer
                refused.remove(from.get().getId());
                sender.execute(SendMessage.builder().chatId(u.getMessage().getChatId()).text(messages.get(
                        Messages.languageFor(from.get().getLanguageCode()), "access.welcome")).build());
                answered.accept(u.getUpdateId(), from.get().getId());
            } else {
                refuse(u, from.get());
                answered.accept(u.getUpdateId(), from.get().getId());
            }
        }
        return in;
    }

    /** Whether each sender of the batch may use the bot, read in one transaction. */
    private java.util.Map<Long, Boolean> allowed(List<Update> updates) {
        return store.inTransaction(tx -> {
            java.util.Map<Long, Boolean> out = new java.util.HashMap<>();
            for (Update u : updates) {
                sender(u).ifPresent(f -> out.computeIfAbsent(f.getId(), id -> access.isAllowed(tx, id)));
            }
            return out;
        });
    }

    private static Optional<User> sender(Update u) {
        return u instanceof RawUpdate r && r.problem() != null ? Optional.empty() : UpdateTranslator.sender(u);
    }

    private boolean invited(Update u, User from) {
        return u.hasMessage() && isPrivate(u) && u.getMessage().hasText()
                && access.tryInvite(from.getId(), u.getMessage().getText(), clock.instant());
    }

    private void refuse(Update u, User from) {
        String lang = Messages.languageFor(from.getLanguageCode());
        if (u.hasMessage() && isPrivate(u) && refused.add(from.getId())) {
            // sent before the update counts as answered, so the refusal is there for whoever waits on it
            sender.execute(SendMessage.builder().chatId(u.getMessage().getChatId())
                    .text(messages.get(lang, "access.refused")).build());
            auditRefusal(from.getId());
        } else if (u.hasCallbackQuery()) {
            String id = u.getCallbackQuery().getId();
            direct.execute(() -> sender.execute(AnswerCallbackQuery.builder().callbackQueryId(id).build()));
        } else if (u.hasInlineQuery()) {
            String id = u.getInlineQuery().getId();
            direct.execute(() -> sender.execute(AnswerInlineQuery.builder().inlineQueryId(id).results(List.of())
                    .cacheTime(0).isPersonal(true).build()));
        }
    }

    /** The first refusal of a user (per run) goes to the audit log by user id only: no name, no text. */
    private void auditRefusal(long userId) {
        try {
            store.inTransaction(tx -> coach.kam.audit.Audit.record(tx, clock.instant(), userId, "access.refused", ""));
        } catch (coach.kam.store.StoreException e) {
            // the store takes no writes now: the refusal was sent all the same
        }
    }

    /** The store took no writes: each private sender of the batch is told once per outage, the admins once. */
    void outage(List<Update> updates, String reason) {
        for (Update u : updates) {
            if (u.hasMessage() && isPrivate(u) && u.getMessage().getFrom() != null
                    && toldOfOutage.add(u.getMessage().getChatId())) {
                String lang = Messages.languageFor(u.getMessage().getFrom().getLanguageCode());
                send(u.getMessage().getChatId(), messages.get(lang, "storage.outage"));
            }
        }
        if (!adminsTold) {
            adminsTold = true;
            for (long admin : access.admins()) {
                send(admin, messages.get("en", "storage.outage.admin", reason) + "\n" + messages.get("zh",
                        "storage.outage.admin", reason));
            }
        }
    }

    /** The store takes writes again: the next outage is told anew. */
    void recovered() {
        if (adminsTold || !toldOfOutage.isEmpty()) {
            toldOfOutage.clear();
            adminsTold = false;
        }
    }

    private void send(long chat, String text) {
        direct.execute(() -> sender.execute(SendMessage.builder().chatId(chat).text(text).build()));
    }

    private static boolean isPrivate(Update u) {
        return u.getMessage().getChat() == null || "private".equals(u.getMessage().getChat().getType());
    }

    /** Whether the store is down now, and why. */
    Optional<String> storeOutage() {
        return store.outage();
    }

    void close() {
        direct.shutdown();
    }
}
