package coach.kam.conversation.buttons;

import java.util.List;

/** Buttons on the methodology: a topic's page, a checklist, its sections and ticks, an answer's sources. */
public final class KnowledgeButtons {
    /** The longest topic or checklist id a button carries. */
    public static final int MAX_ID = 32;
    private static final int MAX_PAGE = 999;
    private static final int MAX_PART = 99;

    private KnowledgeButtons() {
    }

    /** A page of a topic; the topic "index" is the list of topics. */
    public record Topic(String topicId, int page) {
    }

    /** A checklist. */
    public record Checklist(String checklistId) {
    }

    /** A section of a checklist for an account; {@code accountId} is null on older buttons (the open account). */
    public record Section(String checklistId, int section, Long accountId) {
    }

    /** An item of a section ticked or unticked for an account; older buttons without the account are out of date. */
    public record Tick(String checklistId, int section, int item, Long accountId) {
    }

    /** The n-th source of the last answer. */
    public record Source(int index) {
    }

    public static final Kind<Topic> TOPIC = Kind.of("topic", Topic.class, t -> Kind.fields(t.topicId(), t.page()),
            f -> new Topic(f.word(MAX_ID), f.more() ? f.number(0, MAX_PAGE) : 0));
    public static final Kind<Checklist> CHECKLIST = Kind.of("ck", Checklist.class, c -> Kind.fields(c.checklistId()),
            f -> new Checklist(f.word(MAX_ID)));
    public static final Kind<Section> SECTION = Kind.of("cks", Section.class,
            s -> Kind.fields(s.checklistId(), s.section(), s.accountId()),
            f -> new Section(f.word(MAX_ID), f.number(0, MAX_PART), f.more() ? Long.valueOf(f.id()) : null));
    public static final Kind<Tick> TICK = Kind.of("ckt", Tick.class,
            t -> Kind.fields(t.checklistId(), t.section(), t.item(), t.accountId()),
            f -> new Tick(f.word(MAX_ID), f.number(0, MAX_PART), f.number(0, MAX_PART), f.more() ? Long.valueOf(f.id()) : null));
    public static final Kind<Source> SOURCE = Kind.of("src", Source.class, s -> Kind.fields(s.index()),
            f -> new Source(f.number(0, 9)));

    public static final List<Kind<?>> ALL = List.of(TOPIC, CHECKLIST, SECTION, TICK, SOURCE);
}
