package coach.kam.telegram;

import coach.kam.conversation.Event;
import java.util.Optional;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/** Turns a Telegram update into a core event; updates the core has no use for give nothing. */
final class UpdateTranslator {
    private UpdateTranslator() {
    }

    static Optional<Event> toEvent(Update update) {
        return toEvent(update, null);
    }

    /** As {@link #toEvent(Update)}; a document in a message becomes an attachment read through {@code files}. */
    static Optional<Event> toEvent(Update update, TelegramFiles files) {
        long updateId = update.getUpdateId();
        if (update.hasMessage()) {
            Message m = update.getMessage();
            User from = m.getFrom();
            if (from == null || Boolean.TRUE.equals(from.getIsBot())) {
                return Optional.empty();
            }
            Event.Location location = m.hasLocation()
                    ? new Event.Location(m.getLocation().getLatitude(), m.getLocation().getLongitude()) : null;
            String text = m.hasText() ? m.getText() : (m.getCaption() != null ? m.getCaption() : null);
            Event.Attachment attachment = files != null && m.hasDocument() ? files.attachment(m.getDocument()) : null;
            return Optional.of(new Event(from.getId(), m.getChatId(), updateId, text, null, location,
                    from.getLanguageCode(), attachment, fullName(from)));
        }
        if (update.hasCallbackQuery() && update.getCallbackQuery().getMessage() != null) {
            var q = update.getCallbackQuery();
            String data = q.getData() == null ? "" : q.getData();
            return Optional.of(new Event(q.getFrom().getId(), q.getMessage().getChatId(), updateId, null, data,
                    null, q.getFrom().getLanguageCode(), null, fullName(q.getFrom())));
        }
        return Optional.empty();
    }

    /** "First Last" as Telegram has it, or null. */
    static String fullName(User u) {
        String first = u.getFirstName() == null ? "" : u.getFirstName();
        String last = u.getLastName() == null ? "" : u.getLastName();
        String full = (first + " " + last).strip();
        return full.isEmpty() ? null : full;
    }

    /** The user behind any update, for access checks. */
    static Optional<User> sender(Update update) {
        if (update.hasMessage()) {
            return Optional.ofNullable(update.getMessage().getFrom());
        }
        if (update.hasCallbackQuery()) {
            return Optional.of(update.getCallbackQuery().getFrom());
        }
        if (update.hasInlineQuery()) {
            return Optional.of(update.getInlineQuery().getFrom());
        }
        return Optional.empty();
    }
}
