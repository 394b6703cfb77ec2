package coach.kam.cli;

import coach.kam.config.Config;
import coach.kam.deals.Deals;
import coach.kam.deals.ObjectionLosses;
import coach.kam.knowledge.KnowledgeBase;
import coach.kam.knowledge.KnowledgeLoader;
import coach.kam.store.Json;
import coach.kam.store.MapDbStore;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code objections lost [--json] [--days N]}: which objections cost deals, over every rep: deals
 * lost whose reason read as an objection, per objection with the amount and the number of reps,
 * most deals first; the last line counts lost deals whose reason matched no objection. Works on a
 * consistent copy, also while the bot runs.
 */
@Command(name = "lost", mixinStandardHelpOptions = true,
        description = "Objections that cost deals: lost deals per objection their reason reads as, with amounts.")
final class ObjectionLossesCommand implements Callable<Integer> {
    @Option(names = "--json", description = "One JSON object per line.")
    boolean json;

    @Option(names = "--days", description = "Only deals lost in the last N days (default: all).")
    Integer days;

    @Option(names = "--lang", description = "Language of the objection titles: zh or en (default zh).")
    String lang = "zh";

    @Option(names = "--data", description = "Data folder (default: KAM_DATA_DIR or ./data).")
    Path data;

    @Override
    public Integer call() throws Exception {
        if (days != null && days < 1) {
            System.err.println("kam-coach objections lost: --days takes a number of days from 1 up");
            return 2;
        }
        Config config = Main.config(data);
        KnowledgeBase knowledge = KnowledgeLoader.load(config.knowledgeDir().orElse(null));
        Instant since = days == null ? null : Instant.now().minus(Duration.ofDays(days));
        Path copy = DataCommands.snapshot(config.dataDir());
        Path dir = Files.createTempDirectory("kam-lost");
        try {
            Files.move(copy, dir.resolve("kam-coach.db"), StandardCopyOption.REPLACE_EXISTING);
            ObjectionLosses lost;
            try (MapDbStore store = MapDbStore.open(dir)) {
                lost = store.inTransaction(tx -> ObjectionLosses.of(new Deals().everyone(tx), since));
            }
            PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
            String l = "en".equals(lang) ? "en" : "zh";
            for (ObjectionLosses.Row r : lost.rows()) {
                String title = knowledge.objection(r.objectionId()).map(o -> o.in(l).title()).orElse(r.objectionId());
                out.println(json ? toJson(r, title) : r.deals() + " deal" + (r.deals() == 1 ? "" : "s") + "\t"
                        + plain(r.amount()) + "\t" + r.objectionId() + "\t" + title + "\t" + r.reps() + " rep"
                        + (r.reps() == 1 ? "" : "s"));
            }
            System.err.println("kam-coach: " + lost.rows().stream().mapToInt(ObjectionLosses.Row::deals).sum()
                    + " lost deals read as an objection, " + lost.unmatched() + " with no objection matched ("
                    + plain(lost.unmatchedAmount()) + ")");
            return 0;
        } finally {
            DataCommands.deleteTree(dir);
        }
    }

    private static String plain(java.math.BigDecimal a) {
        return a.signum() == 0 ? "0" : a.stripTrailingZeros().toPlainString();
    }

    private static String toJson(ObjectionLosses.Row r, String title) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("objection", r.objectionId()).put("title", title).put("deals", r.deals())
                .put("amount", new java.math.BigDecimal(plain(r.amount()))).put("reps", r.reps());
        return o.toString();
    }
}
