package coach.kam.conversation.buttons;

import java.util.List;

/** Buttons that start a walkthrough on an account or continue an unfinished one. */
public final class WalkButtons {
    private static final int MAX_FLOW = 32;

    private WalkButtons() {
    }

    /** A walkthrough ("profile", "evaluate", ...) started on an account. */
    public record Start(String flowId, long accountId) implements AccountRef {
    }

    /** An unfinished walkthrough run continued. */
    public record Resume(long run) {
    }

    public static final Kind<Start> START = Kind.of("walk", Start.class, s -> Kind.fields(s.flowId(), s.accountId()),
            f -> new Start(f.word(MAX_FLOW), f.id())).answeringStale("accounts.gone");
    public static final Kind<Resume> RESUME = Kind.of("resume", Resume.class, r -> Kind.fields(r.run()),
            f -> new Resume(f.id())).answeringStale("dialog.moved.on");

    public static final List<Kind<?>> ALL = List.of(START, RESUME);
}
