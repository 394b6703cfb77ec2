package coach.kam.bench;

import coach.kam.Catalogue;
import coach.kam.KamCoach;
import coach.kam.accounts.Account;
import coach.kam.accounts.Accounts;
import coach.kam.accounts.Note;
import coach.kam.conversation.Event;
import coach.kam.export.CsvImport;
import coach.kam.export.DataJson;
import coach.kam.conversation.export.StoreExport;
import coach.kam.store.MapDbStore;
import coach.kam.store.Store;
import coach.kam.testing.MutableClock;
import coach.kam.testing.TestCoach;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A year of a team's data and more: stores filled through the project's own writers (10 reps × 50
 * accounts, one rep with a tenth of all notes on one account, one small rep with 100 notes), then,
 * in one run per size: the file size; the commands a rep uses for the big and the small rep
 * (median of 15, in-process, so the numbers are the bot's own work); and how long a rep writing
 * notes meanwhile waits while a backup, a compaction or an export runs. "Stop-the-world" is the
 * same copy made under one hold of the store's lock, as copies were made before; "live" is the
 * copy made in chunks while the store serves. Sizes: {@code -Dscale.notes=10000,100000} (the
 * default); add 1000000 for the large run. Prints a table; asserts nothing about time.
 */
@Tag("bench")
class ScaleBenchmark {
    private static final long BIG = 7001;
    private static final long SMALL = 7002;
    private static final long PROBE = 7003;
    /** The admin and manager of the in-bot export of everyone. */
    private static final long MANAGER = 9999;
    private static final String TEXT = "拜访采购部王经理,谈了明年的框架协议和价格,对方说预算要等总部批;"
            + "next step: send the revised quote by Friday and book a meeting with the finance lead. ";

    @TempDir
    Path work;

    @Test
    void run() throws Exception {
        List<Integer> sizes = new ArrayList<>();
        for (String s : System.getProperty("scale.notes", "10000,100000").split(",")) {
            sizes.add(Integer.parseInt(s.strip()));
        }
        Map<String, List<String>> table = new LinkedHashMap<>();
        for (int size : sizes) {
            measure(size, table);
        }
        System.out.println();
        System.out.println("scale: " + sizes + " notes; the big rep holds a tenth of them on one account, the small rep 100");
        StringBuilder head = new StringBuilder("| |");
        StringBuilder line = new StringBuilder("|---|");
        for (int size : sizes) {
            head.append(' ').append(String.format("%,d notes", size)).append(" |");
            line.append("---|");
        }
        System.out.println(head);
        System.out.println(line);
        table.forEach((row, cells) -> System.out.println("| " + row + " | " + String.join(" | ", cells) + " |"));
    }

    private void measure(int notes, Map<String, List<String>> table) throws Exception {
        Path dir = Files.createDirectories(work.resolve("n" + notes));
        long filling = System.nanoTime();
        fill(dir, notes);
        cell(table, "fill through Accounts (s)", String.format("%.1f", (System.nanoTime() - filling) / 1e9));
        cell(table, "file size (MB)", String.format("%.1f", Files.size(dir.resolve("kam-coach.db")) / 1e6));
        MutableClock clock = MutableClock.at("2026-12-03T02:00:00Z");
        KamCoach coach = TestCoach.start(dir, clock);
        try {
            for (String cmd : List.of("/review", "/notes Big", "/brief Big", "/account Big")) {
                String small = cmd.replace("Big", "Small");
                // the two reps take turns, so a load that comes and goes weighs on both alike
                double[] both = medians(() -> time(coach, BIG, cmd), () -> time(coach, SMALL, small));
                double big = both[0];
                double little = both[1];
                cell(table, cmd.replace(" Big", "") + " big / small rep (ms)",
                        String.format("%.1f / %.1f (×%.2f)", big, little, big / little));
            }
            Store store = coach.store();
            Path out = work.resolve("copy-" + notes + ".db");
            String stopTheWorld = waits(coach, () -> store.inTransaction(tx -> {
                store.copyTo(out);
                return null;
            }));
            // the copy's own holds are inside one hold of the whole copy here
            cell(table, "rep's worst wait, stop-the-world backup", stopTheWorld.replaceFirst("; lock: .*", ""));
            cell(table, "rep's worst wait, live backup", waits(coach, () -> store.copyTo(out)));
            cell(table, "rep's worst wait, live compaction", waits(coach, () -> store.compact()));
            cell(table, "rep's worst wait, export of everyone", waits(coach, () -> {
                try {
                    exportAll(store, clock);
                } catch (OutOfMemoryError e) {
                    System.out.println("export of everyone: out of memory at " + notes + " notes");
                }
            }));
            cell(table, "5,000-row CSV import (preview, then 100 rows a transaction)", waits(coach, () -> importRows(store)));
            shareWithManager(coach);
            // Monday 09:00 UTC, every rep's default check-in time, with the notes of the whole store behind it
            clock.advance(Duration.between(clock.instant(), Instant.parse("2026-12-07T09:01:00Z")));
            int[] due = new int[1];
            String batch = waits(coach, () -> due[0] = coach.scheduler().runDue());
            cell(table, "Monday 09:00 check-in batch (reps due)", batch + "; " + due[0] + " reps");
        } finally {
            coach.close();
        }
        cell(table, "command-line export --all (bot's JVM flags): time, peak RSS", cliExport(dir, notes));
        cell(table, "in-bot /export of the big rep (console, bot's JVM flags): time, peak RSS", inBotExport(dir, BIG, "/export"));
        cell(table, "in-bot /export --all, every rep sharing (console, bot's JVM flags): time, peak RSS",
                inBotExport(dir, MANAGER, "/export --all"));
    }

    /** {@code kam-coach export --all} in its own JVM with the flags the launcher gives it, under /usr/bin/time. */
    private String cliExport(Path dir, int notes) throws Exception {
        Path zip = work.resolve("cli-" + notes + ".zip");
        Path rss = work.resolve("cli-" + notes + ".rss");
        List<String> command = timed(rss, List.of("export", "--all", "--out", zip.toString(), "--data", dir.toString()));
        long t = System.nanoTime();
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(work.resolve("cli.log").toFile())
                .start();
        int exit = p.waitFor();
        double seconds = (System.nanoTime() - t) / 1e9;
        if (exit != 0) {
            System.out.println("command-line export failed:");
            Files.readString(work.resolve("cli.log")).lines().limit(40).forEach(System.out::println);
            return "exit " + exit + ": " + Files.readString(work.resolve("cli.log")).lines().findFirst().orElse("");
        }
        return String.format("%.1f s, %.0f MiB, zip %.1f MB", seconds, peakMib(rss), Files.size(zip) / 1e6);
    }

    /**
     * The console bot on the store, an admin typing {@code /export --all}: the copy and the zip are
     * made as in Telegram, after the turn, in the launcher's heap; the time runs to the file or the answer.
     */
    private String inBotExport(Path dir, long user, String command0) throws Exception {
        Path rss = work.resolve("console.rss");
        List<String> command = timed(rss, List.of("console", "--data", dir.toString(), "--user", Long.toString(user),
                "--lang", "en"));
        ProcessBuilder pb = new ProcessBuilder(command).redirectError(work.resolve("console.log").toFile());
        pb.environment().put("KAM_ADMINS", Long.toString(MANAGER));
        pb.environment().remove("TELEGRAM_BOT_TOKEN");
        pb.environment().put("KAM_BACKUP_TIME", "off");
        Process p = pb.start();
        String answer = null;
        long t;
        try (var in = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream(),
                java.nio.charset.StandardCharsets.UTF_8)); var out = p.getOutputStream()) {
            t = System.nanoTime();
            out.write((command0 + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            out.flush();
            for (String line; (line = in.readLine()) != null; ) {
                if (line.startsWith("📦") || line.startsWith("⚠️")) {
                    answer = line;
                    break;
                }
            }
            double seconds = (System.nanoTime() - t) / 1e9;
            out.write("/quit\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            out.close();
            p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS);
            p.destroy();
            p.waitFor();
            if (answer == null) {
                return "no answer; exit " + p.exitValue();
            }
            // the too-big answer names sizes in MB (in either language); the caption of a sent zip does not
            String what = answer.startsWith("📦") && !answer.contains(" MB") ? "sent"
                    : answer.startsWith("📦") ? "too big for Telegram, said so" : "failed: " + answer;
            java.util.Optional<Path> zip;
            try (var files = Files.walk(dir.resolve("exports"))) {
                zip = files.filter(f -> f.toString().endsWith(".zip")).findFirst();
            } catch (java.io.IOException e) {
                zip = java.util.Optional.empty();
            }
            String size = zip.map(z -> {
                try {
                    long bytes = Files.size(z);
                    Files.delete(z);
                    return String.format(", zip %.1f MB", bytes / 1e6);
                } catch (java.io.IOException e) {
                    return "";
                }
            }).orElse("");
            return String.format("%.1f s, %.0f MiB, %s%s", seconds, peakMib(rss), what, size);
        }
    }

    /**
     * Every rep says hello (so the bot knows them) and joins the manager's team with note sharing on,
     * so that the manager's /export --all carries everyone's notes.
     */
    private static void shareWithManager(KamCoach coach) {
        List<Long> reps = new ArrayList<>(List.of(BIG, SMALL, PROBE));
        for (long rep = 7100; rep < 7110; rep++) {
            reps.add(rep);
        }
        for (long rep : reps) {
            coach.conversation().handle(new Event(rep, rep, null, "/help", null, null, "en"));
        }
        coach.kam.team.TeamStore teams = new coach.kam.team.TeamStore(java.time.Clock.systemUTC());
        coach.store().inTransaction(tx -> {
            coach.kam.team.TeamStore.Members before = teams.membersOrNew(tx, MANAGER);
            coach.kam.team.TeamStore.Members after = before;
            for (long rep : reps) {
                after = after.withRep(rep, true).withSharing(rep, true);
            }
            teams.save(tx, before, after);
            return null;
        });
    }

    /** The command line of coach.kam.cli.Main with the launcher's JVM flags, under /usr/bin/time writing the peak RSS. */
    private static List<String> timed(Path rss, List<String> args) throws Exception {
        List<String> command = new ArrayList<>(List.of("/usr/bin/time", "-f", "%M", "-o", rss.toString(),
                Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(LoadBenchmark.sizedFlags());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "coach.kam.cli.Main"));
        command.addAll(args);
        return command;
    }

    private static double peakMib(Path rss) throws java.io.IOException {
        String kb = Files.readString(rss).strip().lines().reduce((a, b) -> b).orElse("0");
        return Long.parseLong(kb.strip()) / 1024.0;
    }

    /** A rep's spreadsheet of 5,000 accounts (half of them new), previewed and applied as the bot does. */
    private static void importRows(Store store) {
        StringBuilder csv = new StringBuilder("name,class,note\n");
        for (int i = 0; i < 5000; i++) {
            csv.append(i % 2 == 0 ? "Other " + (i % 49) : "导入客户 " + i).append(",B,").append("来自表格的备注 ").append(i)
                    .append('\n');
        }
        byte[] bytes = csv.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Accounts accounts = new Accounts();
        Instant now = Instant.parse("2026-12-03T02:00:00Z");
        long planning = System.nanoTime();
        CsvImport.Plan plan = store.inTransaction(tx -> CsvImport.plan(tx, accounts, BIG, 1, "a.csv", bytes, now));
        long longest = 0;
        System.out.printf("import preview: %.0f ms in one transaction%n", (System.nanoTime() - planning) / 1e6);
        coach.kam.export.ImportApplier applier = new coach.kam.export.ImportApplier(accounts, new coach.kam.flows.AccountFacts(),
                TestCoach.knowledge(), BIG, now);
        for (int from = 0; from < plan.rows().size(); from += 100) {
            List<CsvImport.Row> chunk = plan.rows().subList(from, Math.min(plan.rows().size(), from + 100));
            long t = System.nanoTime();
            store.inTransaction(tx -> {
                applier.apply(tx, chunk);
                return null;
            });
            longest = Math.max(longest, System.nanoTime() - t);
        }
        System.out.printf("import: longest transaction of 100 rows %.0f ms%n", longest / 1e6);
        if (applier.applied().created() < 2000) {
            throw new AssertionError("the import did not create the new accounts: " + applier.applied());
        }
    }

    /** Runs {@code op} while the probe rep writes notes one after another; the op's time, the probe's p99 and worst wait. */
    private static String waits(KamCoach coach, Runnable op) throws InterruptedException {
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean stop = new AtomicBoolean();
        Thread probe = new Thread(() -> {
            for (int i = 0; !stop.get(); i++) {
                long t = System.nanoTime();
                coach.conversation().handle(new Event(PROBE, PROBE, null, "/note Probe; 测试 " + i, null, null, "zh"));
                latencies.add(System.nanoTime() - t);
            }
        }, "scale-probe");
        probe.start();
        String before = holdsOf(coach);
        long t = System.nanoTime();
        op.run();
        double seconds = (System.nanoTime() - t) / 1e9;
        stop.set(true);
        probe.join();
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        double p99 = sorted.isEmpty() ? 0 : sorted.get((int) Math.min(sorted.size() - 1, sorted.size() * 0.99)) / 1e6;
        double worst = sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1) / 1e6;
        String after = holdsOf(coach);
        String holds = after.equals(before) ? "" : "; lock: " + after;
        return String.format("%.1f s; %d notes meanwhile, p99 %.0f ms, worst %.0f ms%s", seconds, sorted.size(), p99,
                worst, holds);
    }

    /** How the store's last live copy held its lock (what a copy under one outer hold reports is not shown). */
    private static String holdsOf(KamCoach coach) {
        return coach.store() instanceof MapDbStore m ? m.lastCopyHolds().orElse("") : "";
    }

    private static void exportAll(Store store, MutableClock clock) {
        Path dir;
        try {
            dir = Files.createTempDirectory("kam-scale-export-");
            store.copyTo(dir.resolve("kam-coach.db"));
            try (MapDbStore copy = MapDbStore.open(dir)) {
                StoreExport.export(copy, Catalogue.tables(), TestCoach.knowledge(), DataJson.Scope.all(), "en", clock, dir.resolve("out"));
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static double time(KamCoach coach, long user, String text) {
        long t = System.nanoTime();
        coach.conversation().handle(new Event(user, user, null, text, null, null, "zh"));
        return (System.nanoTime() - t) / 1e6;
    }

    /** The medians of 15 runs of each, run in turn after one run of each to warm up. */
    private static double[] medians(Supplier<Double> first, Supplier<Double> second) {
        first.get();
        second.get();
        List<Double> a = new ArrayList<>();
        List<Double> b = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            a.add(first.get());
            b.add(second.get());
        }
        Collections.sort(a);
        Collections.sort(b);
        return new double[] {a.get(a.size() / 2), b.get(b.size() / 2)};
    }

    private static void cell(Map<String, List<String>> table, String row, String value) {
        table.computeIfAbsent(row, r -> new ArrayList<>()).add(value);
    }

    /** 10 reps × 50 accounts share most notes; the big rep has a tenth on one account; the small rep 100. */
    static void fill(Path dir, int notes) {
        Accounts accounts = new Accounts();
        Instant start = Instant.parse("2025-12-01T01:00:00Z");
        try (MapDbStore store = MapDbStore.open(dir)) {
            List<Account> team = new ArrayList<>();
            store.inTransaction(tx -> {
                for (int rep = 0; rep < 10; rep++) {
                    for (int a = 0; a < 50; a++) {
                        team.add(accounts.create(tx, 7100 + rep, "客户 " + rep + "-" + a, start));
                    }
                }
                for (int a = 0; a < 49; a++) {
                    accounts.create(tx, BIG, "Other " + a, start);
                    accounts.create(tx, SMALL, "Other " + a, start);
                }
                accounts.create(tx, PROBE, "Probe", start);
                return null;
            });
            Account big = store.inTransaction(tx -> accounts.create(tx, BIG, "Big", start));
            Account small = store.inTransaction(tx -> accounts.create(tx, SMALL, "Small", start));
            write(store, accounts, List.of(small), 100, start);
            write(store, accounts, List.of(big), notes / 10, start);
            write(store, accounts, team, notes - notes / 10 - 100, start);
        }
    }

    private static void write(MapDbStore store, Accounts accounts, List<Account> to, int count, Instant start) {
        for (int done = 0; done < count; ) {
            int from = done;
            int batch = Math.min(2000, count - done);
            store.inTransaction(tx -> {
                for (int i = from; i < from + batch; i++) {
                    Account a = to.get(i % to.size());
                    accounts.addNote(tx, a, Note.text(a.id(), TEXT + i, start.plusSeconds(i * 60L)));
                }
                return null;
            });
            done += batch;
        }
    }
}
