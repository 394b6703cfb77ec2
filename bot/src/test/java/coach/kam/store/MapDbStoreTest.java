package coach.kam.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mapdb.DB;
import org.mapdb.DBMaker;
import org.mapdb.Serializer;

class MapDbStoreTest {
    /** A record as the application stores them. */
    public record Item(String name, int count, Instant at) {
    }

    private static final Table<Item> ITEMS = Table.operational("items", Item.class);
    private static final Table<Item> OTHER = Table.operational("other", Item.class);
    private static final Instant T0 = Instant.parse("2024-05-01T08:30:00Z");

    @TempDir
    Path dir;

    private MapDbStore store;

    @BeforeEach
    void open() {
        store = MapDbStore.open(dir);
    }

    @AfterEach
    void close() {
        if (store != null) {
            store.close();
        }
    }

    private void reopen() {
        store.close();
        store = MapDbStore.open(dir);
    }

    private boolean mark(long updateId) {
        Boolean handled = store.inTransaction(tx -> HandledUpdates.in(tx).mark(updateId));
        return handled;
    }

    private long next(String sequence) {
        Long id = store.inTransaction(tx -> tx.nextId(sequence));
        return id;
    }

    private static Item item(String name, int count) {
        return new Item(name, count, T0.plusSeconds(count));
    }

    @Test
    void putThenGetReturnsTheRecordAndMissingKeysAreEmpty() {
        store.inTransaction(tx -> {
            tx.put(ITEMS, "7/1", item("one", 1));
            return null;
        });
        assertEquals(Optional.of(item("one", 1)), store.inTransaction(tx -> tx.get(ITEMS, "7/1")));
        assertEquals(Optional.empty(), store.inTransaction(tx -> tx.get(ITEMS, "7/2")));
        // same key in another table is another record
        assertEquals(Optional.empty(), store.inTransaction(tx -> tx.get(OTHER, "7/1")));

        store.inTransaction(tx -> {
            tx.put(ITEMS, "7/1", item("one again", 11));
            return null;
        });
        assertEquals(Optional.of(item("one again", 11)), store.inTransaction(tx -> tx.get(ITEMS, "7/1")));

        store.inTransaction(tx -> {
            tx.delete(ITEMS, "7/1");
            return null;
        });
        assertEquals(Optional.empty(), store.inTransaction(tx -> tx.get(ITEMS, "7/1")));
    }

    @Test
    void readsInsideATransactionSeeItsOwnWrites() {
        Optional<Item> seen = store.inTransaction(tx -> {
            tx.put(ITEMS, "k", item("mine", 3));
            return tx.get(ITEMS, "k");
        });
        assertEquals(Optional.of(item("mine", 3)), seen);
    }

    @Test
    void withPrefixReturnsOnlyThatPrefixInKeyOrder() {
        store.inTransaction(tx -> {
            // written out of order on purpose
            tx.put(ITEMS, "7/000000000010", item("ten", 10));
            tx.put(ITEMS, "7/000000000002", item("two", 2));
            tx.put(ITEMS, "70/000000000001", item("other owner", 1));
            tx.put(ITEMS, "7", item("bare key", 0));
            tx.put(ITEMS, "6/000000000005", item("below", 5));
            tx.put(ITEMS, "7/000000000001", item("one", 1));
            tx.put(ITEMS, "7/000000000002/000000000009", item("child of two", 9));
            tx.put(ITEMS, "8/000000000001", item("above", 1));
            tx.put(OTHER, "7/000000000003", item("other table", 3));
            return null;
        });
        List<String> names = store.inTransaction(tx -> tx.withPrefix(ITEMS, "7/")).stream().map(Item::name).toList();
        assertEquals(List.of("one", "two", "child of two", "ten"), names);

        List<String> nested = store.inTransaction(tx -> tx.withPrefix(ITEMS, "7/000000000002/"))
                .stream().map(Item::name).toList();
        assertEquals(List.of("child of two"), nested);

        assertEquals(List.of(), store.inTransaction(tx -> tx.withPrefix(ITEMS, "9/")));
        assertEquals(List.of(), store.inTransaction(tx -> tx.withPrefix(Table.operational("never-used", Item.class), "7/")));

        // plain string order: "10" sorts before "2" without padding
        store.inTransaction(tx -> {
            tx.put(ITEMS, "u/2", item("u2", 2));
            tx.put(ITEMS, "u/10", item("u10", 10));
            tx.put(ITEMS, "u/1", item("u1", 1));
            return null;
        });
        assertEquals(List.of("u1", "u10", "u2"),
                store.inTransaction(tx -> tx.withPrefix(ITEMS, "u/")).stream().map(Item::name).toList());
    }

    @Test
    void withPrefixHandlesNonAsciiKeys() {
        store.inTransaction(tx -> {
            tx.put(ITEMS, "客户/乙", item("yi", 2));
            tx.put(ITEMS, "客户/甲", item("jia", 1));
            tx.put(ITEMS, "客户/😀", item("emoji", 3));
            tx.put(ITEMS, "客人/甲", item("not this", 4));
            return null;
        });
        List<String> names = store.inTransaction(tx -> tx.withPrefix(ITEMS, "客户/")).stream().map(Item::name).toList();
        assertEquals(List.of("yi", "jia", "emoji"), names);
    }

    /** Creates the tables beforehand: see {@link #aTableCreatedInARolledBackTransactionIsUsableAfterwards}. */
    private void createTables(Table<?>... tables) {
        store.inTransaction(tx -> {
            for (Table<?> t : tables) {
                tx.get(t, "");
            }
            return null;
        });
    }

    @Test
    void aTransactionThatThrowsWritesNothing() {
        createTables(ITEMS, OTHER);
        store.inTransaction(tx -> {
            tx.put(ITEMS, "keep", item("kept", 1));
            return null;
        });
        long before = next("seq");

        IllegalStateException boom = new IllegalStateException("boom");
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> store.inTransaction(tx -> {
            tx.put(ITEMS, "new", item("new", 2));
            tx.put(ITEMS, "keep", item("overwritten", 3));
            tx.delete(ITEMS, "keep");
            tx.put(OTHER, "x", item("other", 4));
            tx.nextId("seq");
            tx.nextId("seq");
            tx.nextId("fresh-seq");
            HandledUpdates.in(tx).mark(1234);
            throw boom;
        }));
        assertSame(boom, thrown, "the work's own exception reaches the caller");

        assertNoDataFromTheFailedTransaction();
        reopen();
        assertNoDataFromTheFailedTransaction();
        assertTrue(mark(1234), "a rolled-back update is not handled");
        // the documented contract: sequence numbers are rolled back with the transaction
        assertEquals(before + 1, next("seq"));
        assertEquals(1L, next("fresh-seq"));
    }

    private void assertNoDataFromTheFailedTransaction() {
        assertEquals(Optional.empty(), store.inTransaction(tx -> tx.get(ITEMS, "new")));
        assertEquals(Optional.of(item("kept", 1)), store.inTransaction(tx -> tx.get(ITEMS, "keep")));
        assertEquals(List.of(item("kept", 1)), store.inTransaction(tx -> tx.withPrefix(ITEMS, "")));
        assertEquals(Optional.empty(), store.inTransaction(tx -> tx.get(OTHER, "x")));
        assertEquals(List.of(), store.inTransaction(tx -> tx.withPrefix(OTHER, "")));
    }

    @Test
    void aRolledBackTransactionLeavesTheUpdateUnhandledAndTheSequenceUntouched() {
        long before = next("seq");
        assertThrows(IllegalStateException.class, () -> store.inTransaction(tx -> {
            assertTrue(HandledUpdates.in(tx).mark(77));
            tx.nextId("seq");
            throw new IllegalStateException("handling failed");
        }));
        // the redelivered update is handled for real this time
        assertTrue(mark(77));
        assertFalse(mark(77));
        assertEquals(before + 1, next("seq"));
    }

    @Test
    void anErrorAlsoRollsBack() {
        createTables(ITEMS);
        assertThrows(AssertionError.class, () -> store.inTransaction(tx -> {
            tx.put(ITEMS, "e", item("error", 1));
            throw new AssertionError("an Error, not an exception");
        }));
        assertEquals(Optional.empty(), store.inTransaction(tx -> tx.get(ITEMS, "e")));
        // and the store is usable afterwards
        store.inTransaction(tx -> {
            tx.put(ITEMS, "e", item("fine", 2));
            return null;
        });
        reopen();
        assertEquals(Optional.of(item("fine", 2)), store.inTransaction(tx -> tx.get(ITEMS, "e")));
    }

    @Test
    void aTableCreatedInARolledBackTransactionIsUsableAfterwards() {
        Table<Item> fresh = Table.operational("fresh", Item.class);
        assertThrows(IllegalStateException.class, () -> store.inTransaction(tx -> {
            tx.put(fresh, "a", item("rolled back", 1));
            throw new IllegalStateException("boom");
        }));
        // another table is created next, as happens in the bot (sessions, accounts, notes, embeddings...)
        store.inTransaction(tx -> {
            tx.put(OTHER, "o", item("other table", 3));
            return null;
        });
        assertEquals(List.of(), store.inTransaction(tx -> tx.withPrefix(fresh, "")),
                "the rolled-back table is empty, not sharing storage with the next table created");
        store.inTransaction(tx -> {
            tx.put(fresh, "b", item("kept", 2));
            return null;
        });
        assertEquals(List.of(item("other table", 3)), store.inTransaction(tx -> tx.withPrefix(OTHER, "")));
        reopen();
        assertEquals(List.of(item("kept", 2)), store.inTransaction(tx -> tx.withPrefix(fresh, "")));
        assertEquals(List.of(item("other table", 3)), store.inTransaction(tx -> tx.withPrefix(OTHER, "")));
    }

    @Test
    void aCheckedExceptionThrownSneakilyAlsoRollsBack() {
        createTables(ITEMS);
        assertThrows(java.io.IOException.class, () -> store.inTransaction(tx -> {
            tx.put(ITEMS, "half", item("half done", 1));
            throw MapDbStoreTest.<RuntimeException>sneaky(new java.io.IOException("disk full"));
        }));
        store.inTransaction(tx -> {
            tx.put(ITEMS, "next", item("next transaction", 2));
            return null;
        });
        reopen();
        assertEquals(Optional.empty(), store.inTransaction(tx -> tx.get(ITEMS, "half")));
    }

    @SuppressWarnings("unchecked")
    private static <E extends Throwable> E sneaky(Throwable t) throws E {
        throw (E) t;
    }

    @Test
    void markUpdateHandledIsTrueOnceAndSurvivesReopening() {
        assertTrue(mark(100));
        assertFalse(mark(100));
        assertTrue(mark(101));
        // twice inside one transaction
        assertEquals(List.of(true, false), store.inTransaction(tx -> List.of(HandledUpdates.in(tx).mark(5), HandledUpdates.in(tx).mark(5))));

        reopen();
        assertFalse(mark(100));
        assertFalse(mark(101));
        assertFalse(mark(5));
        assertTrue(mark(102));
        assertFalse(mark(102));

        reopen();
        assertFalse(mark(102));
    }

    @Test
    void recordsAndSequencesSurviveCloseAndReopen() {
        store.inTransaction(tx -> {
            for (int i = 1; i <= 50; i++) {
                long id = tx.nextId("item");
                tx.put(ITEMS, String.format("1/%012d", id), item("item " + id, (int) id));
            }
            return null;
        });
        reopen();
        List<Item> all = store.inTransaction(tx -> tx.withPrefix(ITEMS, "1/"));
        assertEquals(50, all.size());
        for (int i = 0; i < 50; i++) {
            assertEquals(item("item " + (i + 1), i + 1), all.get(i));
        }
        assertEquals(51L, next("item"), "the sequence continues after reopening");
        store.close();
        store.close(); // closing twice is harmless
        store = MapDbStore.open(dir);
        assertEquals(52L, next("item"));
    }

    @Test
    void sequencesAreIndependent() {
        assertEquals(1L, next("a"));
        assertEquals(2L, next("a"));
        assertEquals(1L, next("b"));
        assertEquals(List.of(3L, 4L), store.inTransaction(tx -> List.of(tx.nextId("a"), tx.nextId("a"))));
    }

    @Test
    void theSchemaVersionFieldDoesNotLeakIntoRecords() throws Exception {
        Table<ObjectNode> raw = Table.operational("raw", ObjectNode.class);
        @SuppressWarnings("rawtypes")
        Table<Map> maps = Table.operational("maps", Map.class).migrating(1, n -> n).migrating(2, n -> n);
        ObjectNode node = Json.MAPPER.createObjectNode().put("a", 1).put("b", "two");
        store.inTransaction(tx -> {
            tx.put(raw, "n", node);
            tx.put(maps, "m", Map.of("x", 1, "y", "z"));
            tx.put(ITEMS, "i", item("plain", 1));
            return null;
        });
        assertFalse(node.has("_v"), "the caller's value is not changed by storing it");

        for (int round = 0; round < 2; round++) {
            ObjectNode back = store.inTransaction(tx -> tx.get(raw, "n")).orElseThrow();
            assertEquals(node, back);
            assertEquals(List.of(node), store.inTransaction(tx -> tx.withPrefix(raw, "")));
            assertEquals(Map.of("x", 1, "y", "z"), store.inTransaction(tx -> tx.get(maps, "m")).orElseThrow());
            assertEquals(List.of(Map.of("x", 1, "y", "z")), store.inTransaction(tx -> tx.withPrefix(maps, "")));
            assertEquals(item("plain", 1), store.inTransaction(tx -> tx.get(ITEMS, "i")).orElseThrow());
            reopen();
        }

        // and yet it is stored: the version each record was written with is on disk
        store.close();
        store = null;
        DB db = DBMaker.fileDB(dir.resolve(MapDbStore.FILE_NAME).toFile()).transactionEnable().make();
        try {
            JsonNode storedMap = Json.MAPPER.readTree(
                    Envelope.open("m", db.treeMap("t-maps", Serializer.STRING, Serializer.STRING).open().get("m")));
            JsonNode storedItem = Json.MAPPER.readTree(
                    Envelope.open("i", db.treeMap("t-items", Serializer.STRING, Serializer.STRING).open().get("i")));
            assertEquals(3, storedMap.get("_v").asInt());
            assertEquals(1, storedItem.get("_v").asInt());
        } finally {
            db.close();
        }
    }
}
