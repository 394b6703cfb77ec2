package coach.kam.conversation.commands;

import coach.kam.accounts.Account;
import coach.kam.knowledge.Checklist;
import coach.kam.knowledge.KnowledgeBase;
import coach.kam.owndata.OwnRecord;
import coach.kam.owndata.RecordReader;
import coach.kam.plans.Plans;
import coach.kam.store.Tx;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The plan items of an account that carry an owner, a due date or a note, as records to search, in both languages. */
public final class PlanRecords implements RecordReader.Source {
    private final Plans plans;
    private final KnowledgeBase knowledge;

    public PlanRecords(Plans plans, KnowledgeBase knowledge) {
        this.plans = plans;
        this.knowledge = knowledge;
    }

    @Override
    public List<OwnRecord> read(Tx tx, Account a) {
        List<OwnRecord> out = new ArrayList<>();
        for (Plans.Plan p : plans.all(tx, a)) {
            planItems(a, p, out);
        }
        return out;
    }

    private void planItems(Account a, Plans.Plan p, List<OwnRecord> out) {
        Optional<Plans.Kind> kind = Plans.Kind.of(p.kind());
        Optional<Checklist> list = kind.flatMap(k -> knowledge.checklist(k.checklistId));
        if (kind.isEmpty() || list.isEmpty()) {
            return;
        }
        for (Checklist.Part part : list.get().sections()) {
            for (Checklist.Item item : part.items()) {
                Plans.ItemPlan ip = p.item(item.id());
                if (ip.owner() == null && ip.due() == null && (ip.note() == null || ip.note().isBlank())) {
                    continue;
                }
                String detail = planDetail(ip);
                out.add(new OwnRecord("p:" + a.id() + ":" + kind.get().name() + ":" + item.id(), a.id(),
                        OwnRecord.Kind.PLAN, p.attachedAt(),
                        kind.get().shortName("en") + " · " + item.en() + detail,
                        kind.get().shortName("zh") + " · " + item.zh() + detail, 0));
            }
        }
    }

    private static String planDetail(Plans.ItemPlan ip) {
        StringBuilder t = new StringBuilder();
        if (ip.note() != null && !ip.note().isBlank()) {
            t.append(": ").append(ip.note().strip());
        }
        if (ip.owner() != null) {
            t.append(" (").append(ip.owner()).append(')');
        }
        if (ip.due() != null) {
            t.append(" → ").append(ip.due());
        }
        return t.toString();
    }

}
