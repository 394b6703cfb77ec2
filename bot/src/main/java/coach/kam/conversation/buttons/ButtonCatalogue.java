package coach.kam.conversation.buttons;

import java.util.List;
import java.util.stream.Stream;

/** Every kind of button declared in this package, for the tests that press each one. */
public final class ButtonCatalogue {
    public static final List<Kind<?>> ALL = Stream.of(AccountButtons.ALL, NoteButtons.ALL, ObjectionButtons.ALL,
            PlanButtons.ALL, KnowledgeButtons.ALL, SettingButtons.ALL, WorkButtons.ALL, CheckinButtons.ALL,
            WalkButtons.ALL)
            .flatMap(List::stream).toList();

    private ButtonCatalogue() {
    }
}
