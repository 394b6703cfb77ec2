package coach.kam.bench;

import coach.kam.Catalogue;
import coach.kam.accounts.Account;
import coach.kam.store.Json;
import coach.kam.store.KeyUpgrade;
import coach.kam.store.MapDbStore;
import coach.kam.store.Store;
import coach.kam.store.Table;
import coach.kam.store.Tx;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The first start on a store written before the key scheme: {@link ScaleBenchmark}'s store
 * ({@code -Dkeys.notes=}, 100,000 notes by default) plus, for each of its accounts, a plan, an
 * account target and a territory placement under the older unpadded keys. Prints how long the
 * upgrade took, how many keys it walked and moved, and how long each of its transactions held the
 * store (the longest is what a rep could wait), beside the bare walk: the same keys read in one
 * transaction without moving anything. Asserts only that every older key moved.
 */
@Tag("bench")
class KeyUpgradeBenchmark {
    @TempDir
    Path work;

    @Test
    void run() {
        int notes = Integer.getInteger("keys.notes", 100_000);
        ScaleBenchmark.fill(work, notes);
        try (MapDbStore store = MapDbStore.open(work)) {
            int old = writeOlderKeys(store);
            long bareStart = System.nanoTime();
            long walked = store.inTransaction(tx -> {
                long n = 0;
                for (Table<?> t : Catalogue.tables().exportable()) {
                    for (String k = tx.lowerKey(t, String.valueOf(Character.MAX_VALUE)); k != null; k = tx.lowerKey(t, k)) {
                        n++;
                    }
                }
                return n;
            });
            double bareMs = (System.nanoTime() - bareStart) / 1e6;
            Timed timed = new Timed(store);
            long start = System.nanoTime();
            long moved = KeyUpgrade.run(timed, Catalogue.tables());
            double ms = (System.nanoTime() - start) / 1e6;
            List<Double> holds = new ArrayList<>(timed.holds);
            Collections.sort(holds);
            double p99 = holds.get((int) Math.min(holds.size() - 1, Math.ceil(holds.size() * 0.99) - 1));
            System.out.println();
            System.out.printf("key upgrade, %,d notes, %,d keys in rep tables, %,d older keys written%n", notes, walked, old);
            System.out.println("| | total | transactions | longest hold | p99 hold | keys moved |");
            System.out.println("|---|---|---|---|---|---|");
            System.out.printf("| bare walk (one transaction, no moves) | %.0f ms | 1 | %.0f ms | – | 0 |%n", bareMs, bareMs);
            System.out.printf("| KeyUpgrade.run | %.0f ms | %d | %.1f ms | %.1f ms | %,d |%n", ms, holds.size(),
                    holds.get(holds.size() - 1), p99, moved);
            System.out.printf("| ratio | ×%.2f | | ×%.3f of the bare walk | | |%n", ms / bareMs,
                    holds.get(holds.size() - 1) / bareMs);
            if (moved != old) {
                throw new AssertionError("moved " + moved + " of " + old + " older keys");
            }
        }
    }

    private static int writeOlderKeys(MapDbStore store) {
        List<Account> all = store.inTransaction(tx -> {
            List<Account> out = new ArrayList<>();
            for (Table<?> t : List.of(Catalogue.tables().named("accounts").orElseThrow())) {
                tx.records(t, "").values().forEach(n -> out.add(Json.MAPPER.convertValue(n, Account.class)));
            }
            return out;
        });
        Table<ObjectNode> plans = Table.operational("plans", ObjectNode.class);
        Table<ObjectNode> targets = Table.operational("account-targets", ObjectNode.class);
        Table<ObjectNode> territory = Table.operational("territory", ObjectNode.class);
        ObjectNode plan = Json.MAPPER.createObjectNode().put("kind", "JBP").put("attachedAt", "2026-01-01T00:00:00Z");
        ObjectNode target = Json.MAPPER.createObjectNode().put("current", 1).put("target", 2)
                .put("at", "2026-01-01T00:00:00Z");
        ObjectNode place = Json.MAPPER.createObjectNode().put("pattern", "farmer").put("at", "2026-01-01T00:00:00Z");
        store.inTransaction(tx -> {
            for (Account a : all) {
                String k = a.ownerId() + "/" + a.id();
                tx.putRecord(plans, k + "/JBP", plan);
                tx.putRecord(targets, k, target);
                tx.putRecord(territory, k, place);
            }
            return null;
        });
        return all.size() * 3;
    }

    /** The store, with each transaction's time noted. */
    private static final class Timed implements Store {
        private final Store store;
        final List<Double> holds = new ArrayList<>();

        Timed(Store store) {
            this.store = store;
        }

        @Override
        public <T> T inTransaction(Function<Tx, T> work) {
            long start = System.nanoTime();
            try {
                return store.inTransaction(work);
            } finally {
                holds.add((System.nanoTime() - start) / 1e6);
            }
        }

        @Override
        public void close() {
            store.close();
        }
    }
}
