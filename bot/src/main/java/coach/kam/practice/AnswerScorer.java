package coach.kam.practice;

import coach.kam.knowledge.Objection;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

/**
 * Scores a rep's typed answer to an objection against the moves of a good answer (see
 * {@link Move}): cue words in both languages ({@link Cues}) find most moves; the in-process
 * embedding model adds the value a rep words differently from every cue (a statement close to one
 * of the script's value sentences) and the "don't say" lines said in other words. Each sentence
 * is read once: a proposal with a day or an action is the next step, another question is the
 * question, and only the remaining statements can carry value. The labelled answers in the test
 * resources ({@code practice/answers.yaml}) measure it; see the README for the numbers.
 */
public final class AnswerScorer {
    /** What an answer held. {@code score} ranks answers: one per move, two off for a don't-say line. */
    public record Result(Set<Move> present, boolean avoid, double score) {
        public boolean has(Move m) {
            return present.contains(m);
        }

        public List<Move> missing() {
            List<Move> out = new ArrayList<>();
            for (Move m : Move.values()) {
                if (!present.contains(m)) {
                    out.add(m);
                }
            }
            return out;
        }
    }

    /** How close (cosine) a statement must be to a script's value sentence or a don't-say line. */
    static final double VALUE_SIMILARITY = 0.80;
    static final double AVOID_SIMILARITY = 0.86;

    private final Cues cues;
    private final BiFunction<String, String, float[]> embed;
    private final Map<String, List<float[]>> valueVectors = new ConcurrentHashMap<>();
    private final Map<String, List<float[]>> avoidVectors = new ConcurrentHashMap<>();

    private final double valueSimilarity;
    private final double avoidSimilarity;

    /** {@code embed} is (text, lang) to a unit vector, or null to score by cue words alone. */
    public AnswerScorer(Cues cues, BiFunction<String, String, float[]> embed) {
        this(cues, embed, VALUE_SIMILARITY, AVOID_SIMILARITY);
    }

    /** With other similarity thresholds, for the evaluation's sweep over the train half. */
    AnswerScorer(Cues cues, BiFunction<String, String, float[]> embed, double valueSimilarity, double avoidSimilarity) {
        this.cues = cues;
        this.embed = embed;
        this.valueSimilarity = valueSimilarity;
        this.avoidSimilarity = avoidSimilarity;
    }

    public Result score(Objection objection, String lang, String answer) {
        Cues.Words w = cues.of(objection.id(), lang);
        Set<Move> present = EnumSet.noneOf(Move.class);
        if (acknowledges(w, Sentences.parts(answer))) {
            present.add(Move.ACKNOWLEDGE);
        }
        List<String> statements = new ArrayList<>();
        boolean avoid = false;
        for (Sentences.Sentence s : Sentences.sentences(answer)) {
            avoid |= any(s, w.avoid());
            Move kind = kind(w, s, lang);
            if (kind != null) {
                present.add(kind);
            } else if (any(s, w.value())) {
                present.add(Move.VALUE);
            } else {
                statements.add(s.text());
            }
        }
        if (embed != null && !statements.isEmpty()) {
            List<float[]> said = statements.stream().map(t -> embed.apply(t, lang)).toList();
            if (!present.contains(Move.VALUE) && closest(said, values(objection, lang, w)) >= valueSimilarity) {
                present.add(Move.VALUE);
            }
            avoid |= closest(said, avoids(objection, lang)) >= avoidSimilarity;
        }
        return new Result(present, avoid, present.size() - (avoid ? 2.0 : 0.0));
    }

    /** Acknowledging is done at the start: a strong word in the first two parts, or a part opening with one. */
    private static boolean acknowledges(Cues.Words w, List<Sentences.Sentence> parts) {
        for (int i = 0; i < Math.min(2, parts.size()); i++) {
            Sentences.Sentence p = parts.get(i);
            if (any(p, w.strongAck()) || w.openingAck().stream().anyMatch(p::startsWith)) {
                return true;
            }
        }
        return false;
    }

    /** NEXT for a proposal with a day or an action, ASK for another question, else a statement (null). */
    static Move kind(Cues.Words w, Sentences.Sentence s, String lang) {
        if (any(s, w.next())) {
            return Move.NEXT;
        }
        boolean asks = "en".equals(lang) ? w.ask().stream().anyMatch(s::startsWith) : any(s, w.ask());
        return s.question() || asks ? Move.ASK : null;
    }

    private static boolean any(Sentences.Sentence s, List<String> cues) {
        for (String c : cues) {
            if (s.has(c)) {
                return true;
            }
        }
        return false;
    }

    /** The script's statements that carry value by the cue words, embedded once per objection and language. */
    private List<float[]> values(Objection o, String lang, Cues.Words w) {
        return valueVectors.computeIfAbsent(o.id() + "/" + lang, k -> {
            List<float[]> out = new ArrayList<>();
            for (String script : o.in(lang).scripts()) {
                for (Sentences.Sentence s : Sentences.sentences(script)) {
                    if (kind(w, s, lang) == null && any(s, w.value())) {
                        out.add(embed.apply(s.text(), lang));
                    }
                }
            }
            return List.copyOf(out);
        });
    }

    private List<float[]> avoids(Objection o, String lang) {
        return avoidVectors.computeIfAbsent(o.id() + "/" + lang,
                k -> o.in(lang).avoid().stream().map(a -> embed.apply(a, lang)).toList());
    }

    private static double closest(List<float[]> a, List<float[]> b) {
        double best = 0;
        for (float[] x : a) {
            for (float[] y : b) {
                best = Math.max(best, cosine(x, y));
            }
        }
        return best;
    }

    static double cosine(float[] x, float[] y) {
        if (x.length != y.length) {
            return 0;
        }
        double d = 0;
        for (int i = 0; i < x.length; i++) {
            d += x[i] * y[i];
        }
        return d;
    }
}
