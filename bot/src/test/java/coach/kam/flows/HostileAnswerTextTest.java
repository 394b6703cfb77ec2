package coach.kam.flows;

import coach.kam.knowledge.Flow;
import coach.kam.testing.HostileText;
import coach.kam.testing.TestCoach;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Answers to every kind of walkthrough step over {@link HostileText}: an answer or a problem, never an error. */
class HostileAnswerTextTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 29);

    @Test
    void everyStepReadsEveryText() {
        for (Flow.Step step : steps()) {
            HostileText.check("AnswerParser.parse for " + step.id() + " (" + step.kind() + ")",
                    text -> AnswerParser.parse(step, text, "zh", TODAY),
                    r -> r != null && r.ok() != (r.problem() != null));
        }
    }

    /** One step of each kind from the walkthroughs, and a multiple choice made from the first choice step. */
    private static List<Flow.Step> steps() {
        List<Flow.Step> all = Stream.of("profile", "evaluate", "needs", "classify")
                .flatMap(id -> TestCoach.knowledge().flow(id).orElseThrow().steps().stream()).toList();
        List<Flow.Step> out = new ArrayList<>();
        for (Flow.Kind kind : Flow.Kind.values()) {
            all.stream().filter(s -> s.type() == kind).findFirst().ifPresent(out::add);
        }
        Flow.Step c = all.stream().filter(s -> s.type() == Flow.Kind.CHOICE).findFirst().orElseThrow();
        out.add(new Flow.Step(c.id() + "-multi", c.group(), c.prompt(), c.hint(), "multi", c.field(), c.choices(),
                false, null, null, null, null, null, null, null));
        return out;
    }
}
