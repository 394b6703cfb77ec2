package coach.kam.cli;

import coach.kam.config.Config;

import coach.kam.knowledge.Objection;
import coach.kam.objections.Lookup;
import coach.kam.objections.Match;
import coach.kam.objections.ObjectionMatcher;
import coach.kam.store.Json;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code objection [--json] ["what the customer said"]}: the matching objections and the best script. */
@Command(name = "objection", mixinStandardHelpOptions = true, description = "Find the script for what a customer said.")
final class ObjectionCommand implements Callable<Integer> {
    @Option(names = "--json", description = "Print JSON (one object per line when reading standard input).")
    boolean json;

    @Option(names = "--data", description = "Data folder holding the embedding cache (default: KAM_DATA_DIR or ./data).")
    Path data;

    @Parameters(arity = "0..1", paramLabel = "TEXT", description = "What the customer said; without it, one phrase per line of standard input.")
    String text;

    @Override
    public Integer call() throws Exception {
        Config config = Main.config(data);
        try (OneShot shot = OneShot.open(config)) {
            ObjectionMatcher matcher = new ObjectionMatcher(shot.indexes.objections(), shot.knowledge);
            OneShot.forEachInput(text, said -> {
                Lookup found = matcher.match(said);
                Objection best = found.matches().isEmpty() ? null
                        : shot.knowledge.objection(found.best().id()).orElse(null);
                shot.out.println(json ? toJson(found, best) : toText(found, best));
            });
        }
        return 0;
    }

    static String toJson(Lookup found, Objection best) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("query", found.query());
        ArrayNode matches = o.putArray("matches");
        for (Match m : found.matches()) {
            matches.addObject().put("id", m.id()).put("title", m.title()).put("score", m.score());
        }
        if (found.confident() && best != null) {
            o.put("script", best.in(found.lang()).scripts().get(0).strip());
        } else {
            o.putNull("script");
        }
        o.put("matched", found.confident());
        o.put("lang", found.lang());
        return o.toString();
    }

    static String toText(Lookup found, Objection best) {
        if (!found.confident() || best == null) {
            StringBuilder out = new StringBuilder("zh".equals(found.lang()) ? "不确定是哪种异议,最接近的:" : "Not sure which objection that is; the nearest:");
            found.matches().stream().limit(3).forEach(m -> out.append("\n- ").append(m.title()).append(" (").append(m.id()).append(')'));
            return out.append('\n').toString();
        }
        Objection.Text x = best.in(found.lang());
        StringBuilder out = new StringBuilder(x.title()).append(" (").append(best.id()).append(")\n");
        out.append(x.behind().strip()).append("\n\n").append(x.scripts().get(0).strip()).append("\n\n");
        x.followups().forEach(f -> out.append("? ").append(f.strip()).append('\n'));
        return out.toString();
    }
}
