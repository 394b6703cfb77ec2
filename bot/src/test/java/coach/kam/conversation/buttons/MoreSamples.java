package coach.kam.conversation.buttons;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/** Samples of the kinds on plans, knowledge, settings, check-ins, reminders, walkthroughs and the rest (see {@link ButtonKindsTest#samples}). */
final class MoreSamples {
    private static final long ID = 999_999_999_999_999_999L;

    private MoreSamples() {
    }

    @SuppressWarnings("unchecked")
    static List<Object[]> samples() {
        List<Object[]> s = new ArrayList<>();
        s.add(new Object[] {PlanButtons.CHOOSE, new PlanButtons.Choose(ID, "ACT"), new PlanButtons.Choose(1, null)});
        for (Kind<PlanButtons.Place> k : List.of(PlanButtons.SECTION, PlanButtons.ITEM, PlanButtons.TICK,
                PlanButtons.OWNER, PlanButtons.DUE, PlanButtons.NOTE, PlanButtons.FIGURES)) {
            s.add(new Object[] {k, new PlanButtons.Place(ID, "L2C", 999), new PlanButtons.Place(12, "JBP", 3)});
        }
        String id = "x".repeat(KnowledgeButtons.MAX_ID);
        s.add(new Object[] {KnowledgeButtons.TOPIC, new KnowledgeButtons.Topic(id, 999),
            new KnowledgeButtons.Topic("index", 0)});
        s.add(new Object[] {KnowledgeButtons.CHECKLIST, new KnowledgeButtons.Checklist(id),
            new KnowledgeButtons.Checklist("lead-to-cash")});
        s.add(new Object[] {KnowledgeButtons.SECTION, new KnowledgeButtons.Section(id, 99, ID),
            new KnowledgeButtons.Section("lead-to-cash", 0, null)});
        s.add(new Object[] {KnowledgeButtons.TICK, new KnowledgeButtons.Tick(id, 99, 99, ID),
            new KnowledgeButtons.Tick("lead-to-cash", 1, 2, null)});
        s.add(new Object[] {KnowledgeButtons.SOURCE, new KnowledgeButtons.Source(9), new KnowledgeButtons.Source(0)});
        s.add(new Object[] {SettingButtons.LANGUAGE, new SettingButtons.Choice("zh"), new SettingButtons.Choice("en")});
        s.add(new Object[] {SettingButtons.ZONE, new SettingButtons.Choice("America/Argentina/ComodRivadavia"),
            new SettingButtons.Choice("Asia/Shanghai")});
        s.add(new Object[] {SettingButtons.PRACTICE, new SettingButtons.Choice("stats"), new SettingButtons.Choice("go")});
        s.add(new Object[] {SettingButtons.KEEP_DRAFT, new SettingButtons.Draft(ID), new SettingButtons.Draft(3)});
        s.add(new Object[] {SettingButtons.DROP_DRAFT, new SettingButtons.Draft(ID), new SettingButtons.Draft(3)});
        for (Kind<WorkButtons.Step> k : WorkButtons.ALL.stream().map(k -> (Kind<WorkButtons.Step>) k).toList()) {
            String op = k == WorkButtons.CHART ? "r" : "p";
            s.add(new Object[] {k, new WorkButtons.Step(op, ID, 99), WorkButtons.Step.of(op), WorkButtons.Step.of(op, 4)});
        }
        s.add(new Object[] {SettingButtons.IMPORT, new SettingButtons.ImportAnswer(true, ID),
            new SettingButtons.ImportAnswer(false, 5)});
        for (String op : List.of("p", "n", "x", "s", "s1", "s2", "sd")) {
            s.add(new Object[] {CheckinButtons.ANSWER, new CheckinButtons.Answer(op, ID, "2026-W53"),
                new CheckinButtons.Answer(op, 1, "2027-W01")});
        }
        s.add(new Object[] {CheckinButtons.TIME, new CheckinButtons.Time(null, null), new CheckinButtons.Time(7, null),
            new CheckinButtons.Time(1, LocalTime.of(17, 0)), new CheckinButtons.Time(5, LocalTime.of(8, 0))});
        for (String op : List.of("d", "x", "1d", "1w")) {
            s.add(new Object[] {CheckinButtons.REMINDER, new CheckinButtons.Reminder(op, ID), new CheckinButtons.Reminder(op, 3)});
        }
        s.add(new Object[] {CheckinButtons.INVITATION, new CheckinButtons.Invitation(true, ID),
            new CheckinButtons.Invitation(false, 42)});
        s.add(new Object[] {CheckinButtons.WAITING, new CheckinButtons.Waiting(ID, "2026-W49", LocalDate.of(2026, 12, 31)),
            new CheckinButtons.Waiting(12, "2026-W49", null)});
        s.add(new Object[] {CheckinButtons.DUE, new CheckinButtons.Due(ID, 999_999_999_999L), new CheckinButtons.Due(0, 1_764_230_400L)});
        s.add(new Object[] {WalkButtons.START, new WalkButtons.Start("x".repeat(32), ID), new WalkButtons.Start("profile", 3)});
        s.add(new Object[] {WalkButtons.RESUME, new WalkButtons.Resume(ID), new WalkButtons.Resume(1)});
        return s;
    }
}
