package coach.kam.cli;

import coach.kam.config.Config;

import coach.kam.knowledge.Objection;
import coach.kam.objections.Lookup;
import coach.kam.objections.Match;
import coach.kam.objections.ObjectionMatcher;
import coach.kam.objections.UnmatchedPhrases;
import coach.kam.store.Json;
import coach.kam.store.MapDbStore;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.util.List;
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

    /** {@code objections unmatched [--json]}: the phrases reps logged as new objections, for whoever writes the scripts. */
    @Command(name = "objections", mixinStandardHelpOptions = true,
            subcommands = {Unmatched.class, ObjectionLossesCommand.class},
            description = "Work on the objection scripts: `objections unmatched` lists what reps logged as new objections, `objections lost` the objections that cost deals.")
    static final class Objections implements Callable<Integer> {
        @Override
        public Integer call() {
            System.err.println("kam-coach objections: say what to list, e.g. `kam-coach objections unmatched`");
            return 2;
        }
    }

    /** Lists logged phrases, most often logged first; works on a consistent copy, also while the bot runs. */
    @Command(name = "unmatched", mixinStandardHelpOptions = true,
            description = "Customer phrases reps logged because no objection matched them well.")
    static final class Unmatched implements Callable<Integer> {
        @Option(names = "--json", description = "One JSON object per line.")
        boolean json;

        @Option(names = "--data", description = "Data folder (default: KAM_DATA_DIR or ./data).")
        Path data;

        @Override
        public Integer call() throws Exception {
            Config config = Main.config(data);
            Path copy = DataCommands.snapshot(config.dataDir());
            Path dir = Files.createTempDirectory("kam-unmatched");
            try {
                Files.move(copy, dir.resolve("kam-coach.db"), StandardCopyOption.REPLACE_EXISTING);
                List<UnmatchedPhrases.Unmatched> all;
                try (MapDbStore store = MapDbStore.open(dir)) {
                    all = store.inTransaction(UnmatchedPhrases::all);
                }
                PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
                for (UnmatchedPhrases.Unmatched u : all) {
                    out.println(json ? toJson(u) : toText(u));
                }
                System.err.println("kam-coach: " + all.size() + " logged phrase" + (all.size() == 1 ? "" : "s"));
                return 0;
            } finally {
                DataCommands.deleteTree(dir);
            }
        }

        static String toText(UnmatchedPhrases.Unmatched u) {
            return u.times() + "x\t" + u.lang() + "\t" + u.text().replace('\n', ' ') + "\tnearest: "
                    + String.join(", ", u.nearest()) + "\trep " + u.userId() + "\tlast " + u.lastAt();
        }

        static String toJson(UnmatchedPhrases.Unmatched u) {
            ObjectNode o = Json.MAPPER.createObjectNode();
            o.put("text", u.text()).put("lang", u.lang()).put("times", u.times()).put("rep", u.userId());
            ArrayNode nearest = o.putArray("nearest");
            u.nearest().forEach(nearest::add);
            o.put("firstAt", u.firstAt().toString()).put("lastAt", u.lastAt().toString());
            return o.toString();
        }
    }
}
