package coach.kam.conversation.buttons;

import java.util.ArrayList;
import java.util.List;

/** Samples of the kinds on plans, knowledge, settings and the rest (see {@link ButtonKindsTest#samples}). */
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
        return s;
    }
}
