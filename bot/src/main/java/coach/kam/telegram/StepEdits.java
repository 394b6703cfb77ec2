package coach.kam.telegram;

import coach.kam.conversation.Button;
import coach.kam.conversation.DialogButton;
import coach.kam.conversation.Reply;
import coach.kam.delivery.SendQueue;
import coach.kam.store.Store;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.message.MaybeInaccessibleMessage;

/**
 * A walkthrough in place: when a tap on a step's button answers it, the next step (or the summary)
 * replaces the tapped message by an edit instead of arriving as a new message, so a 21-step profile
 * leaves one message, not twenty. The edit goes out right after the commit, just before the tap's
 * answerCallbackQuery, unpaced (Telegram's per-chat pace is for new messages; an edit of the
 * message just tapped is what its own apps do). An edit that Telegram refuses (the message is gone
 * or too old to edit) goes through the send queue as a new message instead; "message is not
 * modified" counts as done. Edits are at most once: a crash between the commit and the edit leaves
 * the old step showing, whose buttons then say the question moved on, and /resume shows it again.
 */
final class StepEdits {
    private static final Logger LOG = LoggerFactory.getLogger(StepEdits.class);
    private static final int MAX_TEXT = 4096;

    private StepEdits() {
    }

    /** The tapped message, when the tap was on a dialog's button (a walkthrough step or summary). */
    record Tapped(long chatId, int messageId) {
    }

    static Optional<Tapped> tapped(Update update) {
        if (!update.hasCallbackQuery() || update.getCallbackQuery().getData() == null
                || !DialogButton.isDialogData(update.getCallbackQuery().getData())) {
            return Optional.empty();
        }
        MaybeInaccessibleMessage m = update.getCallbackQuery().getMessage();
        if (m == null || m.getMessageId() == null || m.getChatId() == null || m.getDate() == null || m.getDate() == 0) {
            return Optional.empty();
        }
        return Optional.of(new Tapped(m.getChatId(), m.getMessageId()));
    }

    /** The reply that takes the tapped message's place: the last one that carries a dialog's buttons. */
    static Optional<Reply> replacement(List<Reply> replies) {
        for (int i = replies.size() - 1; i >= 0; i--) {
            Reply r = replies.get(i);
            boolean dialogButtons = r.buttons().stream().flatMap(List::stream).map(Button::data)
                    .anyMatch(d -> d != null && DialogButton.isDialogData(d));
            if (dialogButtons && !r.hasDocument() && r.html().length() <= MAX_TEXT) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    /** Edits the tapped message to {@code reply}; when Telegram refuses, queues it as a new message. */
    static void edit(ReplySender sender, Store store, SendQueue queue, Tapped at, Reply reply) {
        EditMessageText.EditMessageTextBuilder<?, ?> edit = EditMessageText.builder().chatId(at.chatId())
                .messageId(at.messageId()).text(reply.html()).parseMode("HTML").disableWebPagePreview(true);
        if (!reply.buttons().isEmpty()) {
            edit.replyMarkup(ReplySender.keyboard(reply.buttons()));
        }
        if (sender.edit(edit.build())) {
            return;
        }
        LOG.info("step message {} in chat {} could not be edited; sending it as a new message", at.messageId(),
                at.chatId());
        store.inTransaction(tx -> {
            queue.enqueue(tx, at.chatId(), List.of(reply));
            return null;
        });
    }
}
