package coach.kam.console;

import coach.kam.conversation.Conversation;
import coach.kam.conversation.Event;
import coach.kam.conversation.Reply;
import coach.kam.pipeline.Pending;
import coach.kam.pipeline.TurnHandler;
import coach.kam.quarantine.Quarantine;
import coach.kam.store.Tx;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * A typed console line as a turn of the pipeline: kept in the inbox as a small JSON record (the
 * text, a pressed button, a location, or the path of a file to import), handled by the
 * conversation, its replies printed once the turn committed.
 */
final class ConsoleTurns implements TurnHandler {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the inbox keeps of a console line. */
    record Line(String text, String button, Double latitude, Double longitude, String file, String lang) {
    }

    private final Conversation conversation;
    private final long userId;
    private final Consumer<List<Reply>> print;

    ConsoleTurns(Conversation conversation, long userId, Consumer<List<Reply>> print) {
        this.conversation = conversation;
        this.userId = userId;
        this.print = print;
    }

    static String encode(Event e, String file) {
        Line line = new Line(e.text(), e.buttonData(), e.location() == null ? null : e.location().latitude(),
                e.location() == null ? null : e.location().longitude(), file, e.languageCode());
        try {
            return JSON.writeValueAsString(line);
        } catch (Exception ex) {
            throw new IllegalStateException("cannot write a console line", ex);
        }
    }

    private Event decode(String json) {
        Line l;
        try {
            l = JSON.readValue(json, Line.class);
        } catch (Exception ex) {
            throw new IllegalArgumentException("not a console line: " + ex.getMessage(), ex);
        }
        Event.Location location = l.latitude() == null ? null : new Event.Location(l.latitude(), l.longitude());
        Event.Attachment attachment = null;
        if (l.file() != null) {
            Path path = Path.of(l.file());
            attachment = new Event.Attachment(path.getFileName().toString(), path.toFile().length(),
                    Event.Content.streamed(max -> Files.newInputStream(path)));
        }
        return new Event(userId, userId, null, l.text(), l.button(), location, l.lang(), attachment);
    }

    @Override
    public void prepare(Pending p) {
        Event e = p.decoded(this::decode);
        conversation.prepare(e.text(), e.languageCode());
    }

    @Override
    public Step handle(Tx tx, Pending p) {
        Event e = p.decoded(this::decode);
        Conversation.Outcome outcome = conversation.handleIn(tx, e);
        List<Reply> replies = outcome.replies();
        return switch (outcome.kind()) {
            case DUPLICATE -> Step.done(userId);
            case REDO -> Step.waiting(userId, replies, outcome.redo(), List.of());
            default -> {
                List<Runnable> after = replies.isEmpty() ? List.of() : List.of(() -> print.accept(replies));
                yield outcome.deferred().isEmpty() ? Step.done(userId, after)
                        : Step.deferred(userId, after, outcome.deferred());
            }
        };
    }

    @Override
    public void quarantined(Tx tx, Pending p, Quarantine.Item item) {
        String lang = conversation.languageOf(tx, userId, p.decoded(this::decode).languageCode());
        List<Reply> told = List.of(Reply.of(conversation.messages().get(lang, "error.quarantined", item.id())));
        tx.afterCommit(() -> print.accept(told));
    }
}
