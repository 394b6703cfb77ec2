package coach.kam.pipeline;

import coach.kam.quarantine.Desk;
import coach.kam.quarantine.Quarantine;
import coach.kam.store.Store;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * List, show, retry and drop quarantined work. A retried update goes back into the inbox (of the
 * running pipeline, or of the next start); retried scheduled work runs again through
 * {@code scheduled}.
 */
public final class QuarantineDesk implements Desk {
    private static final int LISTED = 50;
    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);
    private final Store store;
    private final Pipeline pipeline;
    private final Predicate<Quarantine.Item> scheduled;

    /** {@code pipeline} null: no bot runs here, a retried update waits for the next start. */
    public QuarantineDesk(Store store, Pipeline pipeline, Predicate<Quarantine.Item> scheduled) {
        this.store = store;
        this.pipeline = pipeline;
        this.scheduled = scheduled;
    }

    @Override
    public Answer run(String command) {
        String[] words = command == null ? new String[0] : command.strip().split(" +", 3);
        String op = words.length == 0 || words[0].isEmpty() ? "list" : words[0];
        if (op.equals("list")) {
            return list();
        }
        Optional<Long> id = words.length < 2 ? Optional.empty() : parse(words[1]);
        if (id.isEmpty() || !List.of("show", "retry", "drop").contains(op)) {
            return new Answer(false, "usage: quarantine list | show ID | retry ID | drop ID");
        }
        return switch (op) {
            case "show" -> show(id.get());
            case "retry" -> retry(id.get());
            default -> drop(id.get());
        };
    }

    private Answer list() {
        List<Quarantine.Item> items = store.inTransaction(tx -> Quarantine.list(tx, LISTED + 1));
        if (items.isEmpty()) {
            return new Answer(true, "The quarantine is empty.");
        }
        StringBuilder out = new StringBuilder("id  kind  user  at (UTC)  attempts  error\n");
        items.stream().limit(LISTED).forEach(i -> out.append(i.id()).append("  ").append(i.kind()).append("  ")
                .append(i.userId()).append("  ").append(AT.format(i.at())).append("  ").append(i.attempts())
                .append(i.deaths() > 0 ? " (+" + i.deaths() + " deaths)" : "").append("  ").append(i.error())
                .append('\n'));
        if (items.size() > LISTED) {
            out.append("… the oldest ").append(LISTED).append(" are shown; drop or retry them to see more\n");
        }
        return new Answer(true, out.toString().strip());
    }

    private Answer show(long id) {
        return store.inTransaction(tx -> Quarantine.get(tx, id)).map(i -> new Answer(true,
                "item " + i.id() + ": " + i.kind() + " of user " + i.userId()
                        + (i.updateId() != 0 ? ", update " + i.updateId() : "") + "\nat " + AT.format(i.at())
                        + " UTC after " + i.attempts() + " attempt(s) and " + i.deaths() + " process death(s)\nerror: "
                        + i.error() + "\npayload: " + i.payload() + "\n" + i.stack()))
                .orElseGet(() -> missing(id));
    }

    private Answer retry(long id) {
        Optional<Quarantine.Item> item = store.inTransaction(tx -> Quarantine.get(tx, id));
        if (item.isEmpty()) {
            return missing(id);
        }
        if (item.get().kind() == Quarantine.Kind.SCHEDULED) {
            if (scheduled == null) {
                return new Answer(false, "scheduled work is retried by the running bot only; start it and retry again");
            }
            boolean ran = store.inTransaction(tx -> Quarantine.take(tx, id)).map(scheduled::test).orElse(false);
            return new Answer(ran, ran ? "item " + id + " ran again" : "item " + id + " failed again and is back in the quarantine");
        }
        if (pipeline != null) {
            return pipeline.retry(id).map(p -> new Answer(true, "item " + id + " is back in the inbox as entry "
                    + p.entry().seq())).orElseGet(() -> missing(id));
        }
        store.inTransaction(tx -> Quarantine.take(tx, id)
                .map(i -> Inbox.add(tx, i.updateId(), i.userId(), i.payload())));
        return new Answer(true, "item " + id + " is back in the inbox; the bot handles it when it starts");
    }

    private Answer drop(long id) {
        boolean dropped = store.inTransaction(tx -> Quarantine.drop(tx, id));
        return dropped ? new Answer(true, "item " + id + " dropped") : missing(id);
    }

    private static Answer missing(long id) {
        return new Answer(false, "no quarantine item " + id);
    }

    private static Optional<Long> parse(String s) {
        try {
            return Optional.of(Long.parseLong(s.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
