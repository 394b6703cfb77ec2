package coach.kam.conversation.commands;

import coach.kam.conversation.InlineSearch;
import coach.kam.knowledge.Objection;
import coach.kam.objections.Lookup;
import coach.kam.objections.Match;
import coach.kam.objections.ObjectionService;
import java.util.ArrayList;
import java.util.List;

/** "@bot what the customer said" in any chat: the matching scripts, ready to send. */
public final class InlineObjections implements InlineSearch {
    private static final int MAX_RESULTS = 5;
    private final ObjectionService objections;

    public InlineObjections(ObjectionService objections) {
        this.objections = objections;
    }

    @Override
    public List<Result> search(long userId, String lang, String query) {
        List<Result> out = new ArrayList<>();
        if (query == null || query.isBlank()) {
            for (Objection o : objections.all().subList(0, Math.min(MAX_RESULTS, objections.all().size()))) {
                out.add(result(o, lang));
            }
            return out;
        }
        if (!objections.ready()) {
            return out;
        }
        Lookup found = objections.lookup(query);
        for (Match m : found.matches()) {
            objections.objection(m.id()).ifPresent(o -> out.add(result(o, found.lang())));
        }
        return out;
    }

    private static Result result(Objection o, String lang) {
        Objection.Text x = o.in(lang);
        String preview = x.scripts().get(0).strip();
        preview = preview.length() > 90 ? preview.substring(0, 90) + "…" : preview;
        return new Result(o.id() + "-" + lang, x.title(), preview, ObjectionCard.text(o, lang, 0, 0, x.scripts().size()));
    }
}
