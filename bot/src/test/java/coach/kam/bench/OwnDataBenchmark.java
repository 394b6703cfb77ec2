package coach.kam.bench;

import coach.kam.accounts.Account;
import coach.kam.accounts.Accounts;
import coach.kam.accounts.Note;
import coach.kam.deals.Deals;
import coach.kam.owndata.OwnIndexes;
import coach.kam.owndata.OwnSearch;
import coach.kam.owndata.RecordReader;
import coach.kam.store.MapDbStore;
import coach.kam.testing.TestCoach;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A question about one account of a rep with 10,000 notes (20 accounts of 500), answered from the
 * rep's records: the time to build the rep's index, to embed every note, the index's memory, and
 * the warm latency of 300 distinct questions (p50, p99, max), also with a note written before each
 * question (the index follows it). Asserts nothing about time.
 * {@code mvn -B -o -Pbench test -Dtest=OwnDataBenchmark}
 */
@Tag("bench")
class OwnDataBenchmark {
    private static final long REP = 7;
    private static final int ACCOUNTS = 20;
    private static final int NOTES = 10_000;
    private static final String[] PEOPLE = {"王总", "李经理", "张主任", "刘处长", "陈总监", "赵工", "孙姐", "周总"};
    private static final String[] TOPICS = {"价格", "账期", "招标", "样品", "交货期", "合同续约", "质量投诉", "预算", "培训",
            "库存", "促销", "返利", "物流", "新品", "付款"};
    private static final String[] ACTS = {"说", "提到", "担心", "要求", "答应", "反馈"};

    @Test
    void run() throws Exception {
        try (MapDbStore store = MapDbStore.open(Files.createTempDirectory("kam-owndata-bench"))) {
            Accounts accounts = new Accounts();
            List<Account> list = seed(store, accounts);
            Clock clock = Clock.fixed(Instant.parse("2026-11-27T02:00:00Z"), ZoneOffset.UTC);
            OwnIndexes indexes = new OwnIndexes(store, new RecordReader(accounts, new Deals(), List.of()), () -> Optional.of(TestCoach.indexes().questions().embedder()),
                    OwnIndexes.DEFAULT_BUDGET_BYTES, clock);
            OwnSearch search = new OwnSearch(indexes);
            var embedder = TestCoach.indexes().questions().embedder();
            long heapBefore = usedHeap();
            long t = System.nanoTime();
            long bytes = indexes.memoryBytes(REP);
            System.out.printf("%nowndata: index of %d notes built (words only) in %.0f ms, %.1f MB%n", NOTES,
                    (System.nanoTime() - t) / 1e6, bytes / 1048576.0);
            t = System.nanoTime();
            indexes.settle(REP);
            System.out.printf("owndata: every note embedded in %.1f s%n", (System.nanoTime() - t) / 1e9);
            long heapAfter = usedHeap();
            System.out.printf("owndata: per-rep index memory %.1f MB (counted), heap growth %.1f MB (measured)%n",
                    indexes.memoryBytes(REP) / 1048576.0, (heapAfter - heapBefore) / 1048576.0);
            Random r = new Random(42);
            for (int i = 0; i < 30; i++) {
                search.search(REP, list.get(i % ACCOUNTS).id(), question(r, i), 3);
            }
            report("question about one account", measure(search, list, r, null, accounts, store));
            report("question with a note written before it", measure(search, list, r, indexes, accounts, store));
            report("/search over all 20 accounts", measureAll(search, r));
            double[] alone = new double[300];
            for (int i = 0; i < alone.length; i++) {
                long t0 = System.nanoTime();
                embedder.embed(coach.kam.retrieval.Embedder.questionInstruction("zh") + question(r, 5000 + i), "zh");
                alone[i] = (System.nanoTime() - t0) / 1e6;
            }
            report("(the question's embedding alone)", alone);
        }
    }

    private static List<Account> seed(MapDbStore store, Accounts accounts) {
        Random r = new Random(7);
        List<Account> list = new ArrayList<>();
        for (int a = 0; a < ACCOUNTS; a++) {
            int n = a;
            Account account = store.inTransaction(tx -> accounts.create(tx, REP, "客户" + n, Instant.parse("2025-01-01T00:00:00Z")));
            list.add(account);
            store.inTransaction(tx -> {
                for (int i = 0; i < NOTES / ACCOUNTS; i++) {
                    accounts.addNote(tx, account, Note.text(account.id(), note(r, i),
                            Instant.parse("2025-01-01T00:00:00Z").plusSeconds(3600L * (n * 500 + i))));
                }
                return null;
            });
        }
        return list;
    }

    private static String note(Random r, int i) {
        return PEOPLE[r.nextInt(PEOPLE.length)] + ACTS[r.nextInt(ACTS.length)] + TOPICS[r.nextInt(TOPICS.length)]
                + "的事，" + (r.nextInt(30) + 1) + "号前要给答复，第" + i + "次跟进，" + TOPICS[r.nextInt(TOPICS.length)] + "也要再确认";
    }

    private static String question(Random r, int i) {
        return "上次" + PEOPLE[r.nextInt(PEOPLE.length)] + "对" + TOPICS[r.nextInt(TOPICS.length)] + "怎么说(" + i + ")";
    }

    private static double[] measure(OwnSearch search, List<Account> list, Random r, OwnIndexes writes, Accounts accounts,
                                    MapDbStore store) {
        double[] ms = new double[300];
        for (int i = 0; i < ms.length; i++) {
            Account a = list.get(r.nextInt(list.size()));
            if (writes != null) {
                int n = i;
                Note saved = store.inTransaction(tx -> accounts.addNote(tx, a, Note.text(a.id(), note(r, 10_000 + n),
                        Instant.parse("2026-11-27T00:00:00Z"))));
                writes.noteChanged(REP, a.id(), saved.id());
            }
            long t = System.nanoTime();
            search.search(REP, a.id(), question(r, 1000 + i), 3);
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        return ms;
    }

    private static double[] measureAll(OwnSearch search, Random r) {
        double[] ms = new double[100];
        for (int i = 0; i < ms.length; i++) {
            long t = System.nanoTime();
            search.search(REP, null, TOPICS[r.nextInt(TOPICS.length)] + " " + PEOPLE[r.nextInt(PEOPLE.length)] + i, 3);
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        return ms;
    }

    private static void report(String what, double[] ms) {
        Arrays.sort(ms);
        System.out.printf("owndata: %-40s p50 %5.1f ms, p99 %5.1f ms, max %5.1f ms (%d questions, warm)%n", what,
                ms[ms.length / 2], ms[(int) Math.ceil(ms.length * 0.99) - 1], ms[ms.length - 1], ms.length);
    }

    private static long usedHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }
}
