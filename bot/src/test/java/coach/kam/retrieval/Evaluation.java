package coach.kam.retrieval;

import coach.kam.ask.Answer;
import coach.kam.ask.ExtractiveAnswerer;
import coach.kam.objections.Lookup;
import coach.kam.objections.Match;
import coach.kam.objections.ObjectionMatcher;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Rates per language on the evaluation sets, through the code paths the bot uses: a question's
 * topics as the answer lists them, an objection lookup's matches, and the "not covered" decision.
 */
public final class Evaluation {
    /** Counts for one language. */
    public static final class Tally {
        public int n;
        public int top1;
        public int top3;
        public int covered;
        public final List<String> misses = new ArrayList<>();

        public double hit1() {
            return n == 0 ? 1 : top1 / (double) n;
        }

        public double hit3() {
            return n == 0 ? 1 : top3 / (double) n;
        }

        public double coveredRate() {
            return n == 0 ? 1 : covered / (double) n;
        }
    }

    private Evaluation() {
    }

    private static Tally of(Map<String, Tally> byLang, String lang) {
        return byLang.computeIfAbsent(lang, k -> new Tally());
    }

    /** Methodology questions: hit@1, hit@3 and the share judged covered (answered), per language. */
    public static Map<String, Tally> questions(ExtractiveAnswerer answerer, List<DevSet.Question> set) {
        Map<String, Tally> out = new LinkedHashMap<>();
        for (DevSet.Question q : set) {
            Tally t = of(out, q.lang());
            ExtractiveAnswerer.Evidence e = answerer.evidence(q.q());
            List<String> topics = e.sources().stream().map(Answer.Source::topic).toList();
            t.n++;
            if (!topics.isEmpty() && q.topics().contains(topics.get(0))) {
                t.top1++;
            }
            if (topics.stream().limit(3).anyMatch(q.topics()::contains)) {
                t.top3++;
            } else {
                t.misses.add(q.q() + " " + q.topics() + " -> " + topics.stream().limit(3).toList());
            }
            if (e.covered()) {
                t.covered++;
            } else {
                t.misses.add("judged not covered: " + q.q());
            }
        }
        return out;
    }

    /** Objection phrases: hit@1, hit@3 and the share shown as a sure match, per language. */
    public static Map<String, Tally> phrases(ObjectionMatcher matcher, List<DevSet.Phrase> set) {
        Map<String, Tally> out = new LinkedHashMap<>();
        for (DevSet.Phrase p : set) {
            Tally t = of(out, p.lang());
            Lookup found = matcher.match(p.text());
            List<String> ids = found.matches().stream().map(Match::id).toList();
            t.n++;
            if (!ids.isEmpty() && ids.get(0).equals(p.id())) {
                t.top1++;
            } else {
                t.misses.add(p.text() + " (" + p.id() + ") -> " + ids.stream().limit(3).toList());
            }
            if (ids.stream().limit(3).anyMatch(p.id()::equals)) {
                t.top3++;
            }
            t.covered += found.confident() ? 1 : 0;
        }
        return out;
    }

    /** Off-topic questions: {@code covered} counts the ones turned away (refused), per language. */
    public static Map<String, Tally> offTopic(ExtractiveAnswerer answerer, List<DevSet.OffTopic> set) {
        Map<String, Tally> out = new LinkedHashMap<>();
        for (DevSet.OffTopic q : set) {
            Tally t = of(out, q.lang());
            ExtractiveAnswerer.Evidence e = answerer.evidence(q.q());
            t.n++;
            if (!e.covered()) {
                t.covered++;
            } else {
                t.misses.add("answered: " + q.q() + " -> " + e.sources().get(0).topic());
            }
        }
        return out;
    }

    public static String rate(double r) {
        return String.format(Locale.ROOT, "%.3f", r);
    }
}
