package coach.kam.conversation.commands;

import coach.kam.conversation.Button;
import coach.kam.text.Html;
import coach.kam.conversation.Turn;
import coach.kam.conversation.buttons.SettingButtons;
import coach.kam.practice.Move;
import coach.kam.practice.Practice;
import coach.kam.practice.PracticeStore;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** /practice stats: the streak, the counts, the moves missed most and the weakest items. */
final class PracticeStats {
    private final Practice practice;

    PracticeStats(Practice practice) {
        this.practice = practice;
    }

    void show(Turn turn, LocalDate today) {
        PracticeStore.Stats s = practice.stats(turn.tx(), turn.userId());
        if (s.drills() + s.quizzes() == 0) {
            turn.say(turn.t("practice.stats.none"), List.of(List.of(SettingButtons.PRACTICE.button(turn.t("practice.btn.again"), new SettingButtons.Choice("go")))));
            return;
        }
        StringBuilder out = new StringBuilder(turn.t("practice.stats.streak", s.streakOn(today), s.best()));
        out.append('\n').append(turn.t("practice.stats.counts", s.drills(), s.quizzes(),
                practice.dueCount(turn.tx(), turn.userId(), today)));
        String missed = s.missed().entrySet().stream().filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(2).map(e -> Move.ofCode(e.getKey()).map(m -> turn.t(PracticeCommands.moveKey(m))).orElse(e.getKey())
                        + " ×" + e.getValue())
                .collect(Collectors.joining(" · "));
        if (!missed.isEmpty()) {
            out.append('\n').append(turn.t("practice.stats.missed", missed));
        }
        List<PracticeStore.Item> weak = practice.weakest(turn.tx(), turn.userId());
        if (!weak.isEmpty()) {
            out.append("\n\n").append(turn.t("practice.stats.weak"));
            for (PracticeStore.Item i : weak) {
                out.append('\n').append(turn.t("practice.stats.item", Html.escape(name(turn, i)), i.misses(), i.due()));
            }
        }
        turn.say(out.toString(), List.of(List.of(SettingButtons.PRACTICE.button(turn.t("practice.btn.again"), new SettingButtons.Choice("go")),
                SettingButtons.PRACTICE.button(turn.t("practice.btn.quiz"), new SettingButtons.Choice("quiz")))));
    }

    private String name(Turn turn, PracticeStore.Item i) {
        if (PracticeStore.DRILL.equals(i.kind())) {
            return practice.objection(i.ref()).map(o -> o.in(turn.lang()).title()).orElse(i.ref());
        }
        return practice.question(i.ref()).map(q -> Html.shorten(q.prompt(turn.lang()), 40)).orElse(i.ref());
    }
}
