package coach.kam.knowledge;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a flow file the way start-up needs it: every step answerable, every reference resolvable.
 * A problem names the file and the line of the step it is in.
 */
final class FlowChecks {
    /** The validators written in code; a flow may name only these. */
    static final Set<String> VALIDATORS = Set.of("percent", "future-date", "past-or-today", "year", "not-blank");
    static final Set<String> ROLES = Set.of("decision-maker", "influencer", "user", "gatekeeper", "coach");
    private static final String ID = "[a-z0-9][a-z0-9-]{0,31}";

    private final String file;
    private final String source;

    private FlowChecks(String file, String source) {
        this.file = file;
        this.source = source;
    }

    static Flow check(String file, String source, Flow f) {
        return new FlowChecks(file, source).check(f);
    }

    private Flow check(Flow f) {
        if (f.id() == null || !file.endsWith("/" + f.id() + ".yaml")) {
            fail(1, "id must match the file name");
        }
        if (f.version() < 1 || f.title() == null || f.steps() == null || f.steps().isEmpty()) {
            fail(1, "needs version (1 or more), title and steps");
        }
        both(1, "title", f.title());
        Set<String> seen = new HashSet<>();
        for (Flow.Step s : f.steps()) {
            step(f, s, seen);
            seen.add(s.id());
        }
        if (f.scoring() != null) {
            scoring(f);
        }
        if (f.classification() != null) {
            classification(f);
        }
        return f;
    }

    private void step(Flow f, Flow.Step s, Set<String> earlier) {
        int line = lineOf("id: " + s.id());
        if (s.id() == null || !s.id().matches(ID) || earlier.contains(s.id())) {
            fail(line, "step id " + s.id() + " is missing, malformed or used twice");
        }
        both(line, "prompt of " + s.id(), s.prompt());
        if (s.kind() == null) {
            fail(line, "step " + s.id() + " has no kind");
        }
        Flow.Kind kind;
        try {
            kind = s.type();
        } catch (IllegalArgumentException e) {
            fail(line, "step " + s.id() + " has unknown kind " + s.kind());
            return;
        }
        if (s.field() == null || !s.field().matches("[a-z0-9-]+\\.[a-z0-9-]+")) {
            fail(line, "step " + s.id() + " needs a field like group.name");
        }
        if ((kind == Flow.Kind.CHOICE || kind == Flow.Kind.MULTI) && (s.choices().size() < 2 || s.choices().size() > 12)) {
            fail(line, "step " + s.id() + " needs 2 to 12 choices");
        }
        Set<String> choiceIds = new HashSet<>();
        for (Flow.Choice c : s.choices()) {
            if (c.id() == null || !c.id().matches(ID) || !choiceIds.add(c.id()) || blank(c.zh()) || blank(c.en())) {
                fail(line, "choice " + c.id() + " of " + s.id() + " needs a unique id and zh and en labels");
            }
        }
        if (kind == Flow.Kind.SCORE) {
            for (int i = 1; i <= 5; i++) {
                if (s.anchors() == null || s.anchors().get(i) == null) {
                    fail(line, "score step " + s.id() + " needs anchors 1 to 5");
                }
                both(line, "anchor " + i + " of " + s.id(), s.anchors().get(i));
            }
        }
        if (kind == Flow.Kind.PERSON && !ROLES.contains(s.role())) {
            fail(line, "person step " + s.id() + " needs a role, one of " + ROLES);
        }
        if (s.validator() != null && !VALIDATORS.contains(s.validator())) {
            fail(line, "step " + s.id() + " names unknown validator " + s.validator() + "; known: " + VALIDATORS);
        }
        if (s.when() != null) {
            when(f, s, earlier, line);
        }
    }

    private void when(Flow f, Flow.Step s, Set<String> earlier, int line) {
        Flow.When w = s.when();
        if (w.step() == null || !earlier.contains(w.step()) || w.in() == null || w.in().isEmpty()) {
            fail(line, "step " + s.id() + ": when must name an earlier step and the answers it needs");
        }
        Flow.Step on = f.step(w.step()).orElseThrow();
        for (String id : w.in()) {
            if (on.choice(id).isEmpty()) {
                fail(line, "step " + s.id() + ": when names " + id + ", which is not a choice of " + w.step());
            }
        }
    }

    private void scoring(Flow f) {
        int line = lineOf("scoring:");
        Flow.Scoring sc = f.scoring();
        if (sc.groups() == null || sc.groups().isEmpty() || sc.tiers() == null || sc.tiers().isEmpty()
                || sc.strategies() == null) {
            fail(line, "scoring needs groups, tiers and strategies");
        }
        for (Flow.Group g : sc.groups()) {
            if (g.weight() <= 0 || g.steps() == null || g.steps().isEmpty()) {
                fail(line, "scoring group " + g.id() + " needs a positive weight and steps");
            }
            for (String stepId : g.steps()) {
                if (f.step(stepId).map(s -> s.type() != Flow.Kind.SCORE).orElse(true)) {
                    fail(line, "scoring group " + g.id() + " names " + stepId + ", which is not a score step");
                }
            }
        }
        int previous = Integer.MAX_VALUE;
        for (Flow.TierRule t : sc.tiers()) {
            if (t.min() >= previous || !sc.strategies().containsKey(t.strategy())) {
                fail(line, "tiers must go from the highest minimum down and name known strategies (" + t.tier() + ")");
            }
            previous = t.min();
        }
        if (previous != 0) {
            fail(line, "the last tier must start at 0");
        }
    }

    private void classification(Flow f) {
        int line = lineOf("classification:");
        Flow.Classification c = f.classification();
        Flow.Step rows = f.step(c.rows()).orElse(null);
        Flow.Step cols = f.step(c.columns()).orElse(null);
        if (rows == null || cols == null || c.matrix() == null || c.classes() == null) {
            fail(line, "classification needs rows and columns naming choice steps, a matrix and classes");
        }
        for (Flow.Choice r : rows.choices()) {
            Map<String, String> row = c.matrix().get(r.id());
            for (Flow.Choice col : cols.choices()) {
                String cls = row == null ? null : row.get(col.id());
                if (cls == null || c.accountClass(cls).isEmpty()) {
                    fail(line, "matrix cell " + r.id() + "/" + col.id() + " must name one of the classes");
                }
            }
        }
        for (Flow.AccountClass ac : c.classes()) {
            if (ac.visitEveryDays() <= 0 || ac.reviewEveryDays() <= 0) {
                fail(line, "class " + ac.id() + " needs visit-every-days and review-every-days");
            }
        }
    }

    private void both(int line, String what, Flow.Text t) {
        if (t == null || blank(t.zh()) || blank(t.en())) {
            fail(line, what + " needs zh and en");
        }
    }

    private int lineOf(String text) {
        List<String> lines = source.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        return 0;
    }

    private void fail(int line, String reason) {
        throw new KnowledgeException(file, line, reason);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
