package coach.kam.conversation.commands;

import coach.kam.accounts.Account;
import coach.kam.text.Html;
import coach.kam.flows.AccountFacts;
import coach.kam.flows.AnswerView;
import coach.kam.knowledge.Flow;
import coach.kam.knowledge.KnowledgeBase;
import coach.kam.owndata.OwnRecord;
import coach.kam.owndata.RecordReader;
import coach.kam.store.Tx;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The /profile and /needs answers of an account as records to search, "question: answer" in
 * both languages (the wording of the steps and of their choices lives in the flow files).
 */
public final class WalkAnswers implements RecordReader.Source {
    private static final List<String> FLOWS = List.of("profile", "needs");
    private final KnowledgeBase knowledge;
    private final AccountFacts facts;

    public WalkAnswers(KnowledgeBase knowledge, AccountFacts facts) {
        this.knowledge = knowledge;
        this.facts = facts;
    }

    @Override
    public List<OwnRecord> read(Tx tx, Account a) {
        Map<String, AccountFacts.Field> fields = facts.fields(tx, a).fields();
        List<OwnRecord> out = new ArrayList<>();
        if (fields.isEmpty()) {
            return out;
        }
        for (String flowId : FLOWS) {
            Optional<Flow> flow = knowledge.flow(flowId);
            if (flow.isEmpty()) {
                continue;
            }
            OwnRecord.Kind kind = "needs".equals(flowId) ? OwnRecord.Kind.NEEDS : OwnRecord.Kind.PROFILE;
            for (Flow.Step s : flow.get().steps()) {
                AccountFacts.Field f = s.field() == null ? null : fields.get(s.field());
                if (f == null || !flowId.equals(f.flow()) || f.answer() == null) {
                    continue;
                }
                out.add(new OwnRecord("f:" + a.id() + ":" + s.field(), a.id(), kind, f.at(),
                        line(s, f, "en"), line(s, f, "zh"), 0));
            }
        }
        return out;
    }

    private static String line(Flow.Step s, AccountFacts.Field f, String lang) {
        return Html.toPlain(s.prompt().in(lang)).strip() + " " + Html.toPlain(AnswerView.text(s, f.answer(), lang)).strip();
    }
}
