package coach.kam.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.kam.Catalogue;
import coach.kam.deals.Deal;
import coach.kam.deals.Deals;
import coach.kam.testing.CoreDriver;
import coach.kam.testing.MutableClock;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Format 2 carries the after-course plan, a deal's next step date and lost-to objection, and the
 * deal sequence; a format 1 export (without them) still imports, and a deal typed after it gets
 * a new id instead of overwriting an imported one.
 */
class ExportFormatTwoTest {
    private static final long REP = 81;

    @Test
    void formatTwoCarriesTheNewRecordsAndFormatOneStillImports() throws Exception {
        MutableClock clock = MutableClock.at("2026-12-03T02:00:00Z");
        ObjectNode exported;
        try (CoreDriver bot = new CoreDriver(Files.createTempDirectory("kam-v2-out"), clock, "zh")) {
            bot.type(REP, "/lang zh");
            bot.type(REP, "/new 九州通医药");
            bot.type(REP, "/deal 冷链二期 300万 方案");
            bot.press(REP, "➡ 下一步和日期");
            bot.type(REP, "下周五 送报价单");
            bot.type(REP, "/deal 仓储外包 50万");
            bot.type(REP, "/plan");
            bot.press(REP, "➕ 加入 九州通医药");
            exported = bot.coach().store().inTransaction(tx -> DataJson.export(tx, Catalogue.tables(), DataJson.Scope.user(REP), clock.instant()));
        }
        assertEquals(2, exported.path("formatVersion").asInt());
        assertTrue(exported.path("sequences").path("deal").asLong() >= 2, exported.path("sequences").toString());
        assertEquals(1, exported.path("tables").path("course-plans").path("records").size());
        assertTrue(exported.path("tables").path("deals").toString().contains("\"nextDate\":\"2026-12-11\""),
                exported.path("tables").path("deals").toString());

        ObjectNode v1 = exported.deepCopy();
        v1.put("formatVersion", 1);
        ((ObjectNode) v1.path("sequences")).remove(List.of("deal", "deal-change"));
        ((ObjectNode) v1.path("tables")).remove("course-plans");
        for (Iterator<Map.Entry<String, JsonNode>> it = v1.path("tables").path("deals").path("records").fields(); it.hasNext(); ) {
            ObjectNode deal = (ObjectNode) it.next().getValue();
            deal.remove(List.of("nextDate", "objectionId"));
        }
        try (CoreDriver bot = new CoreDriver(Files.createTempDirectory("kam-v1-in"), clock, "zh")) {
            DataJson.Result r = bot.coach().store().inTransaction(tx -> DataJson.importInto(tx, Catalogue.tables(), v1, Optional.of(REP)));
            assertEquals(List.of(), r.refused());
            List<Deal> deals = bot.coach().store().inTransaction(tx -> new Deals().all(tx, REP));
            assertEquals(2, deals.size());
            Deal cold = deals.stream().filter(d -> d.title().equals("冷链二期")).findFirst().orElseThrow();
            assertNull(cold.nextDate());
            assertEquals("送报价单", cold.next());
            long highest = deals.stream().mapToLong(Deal::id).max().orElseThrow();
            bot.type(REP, "/lang zh");
            bot.type(REP, "/account 九州通");
            bot.type(REP, "/deal 软件 20万");
            List<Deal> after = bot.coach().store().inTransaction(tx -> new Deals().all(tx, REP));
            assertEquals(3, after.size(), "the new deal did not overwrite an imported one");
            assertTrue(after.get(0).id() > highest);
            // a change to an imported deal is added to its history, not written over its first entry
            bot.type(REP, "/deals");
            bot.press(REP, "冷链二期");
            bot.press(REP, "➡ 谈判");
            List<Deals.Change> history = bot.coach().store().inTransaction(tx -> new Deals().history(tx, REP, cold.id()));
            assertEquals(List.of("created", "next", "stage"), history.stream().map(Deals.Change::what).toList());
        }
    }
}
