package coach.kam.bench;

import coach.kam.telegram.FakeBotApi;
import coach.kam.testing.TelegramDriver;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.longpolling.util.DefaultGetUpdatesGenerator;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * Load through the real client and long polling against the loopback fake Bot API, in one run:
 * a bare consumer on the same library (echo, sent from a small pool) as the baseline, then KAM
 * Coach in a child JVM started with the production flags. 50 reps each write 40 notes, one at a
 * time, each waiting for its reply. Prints updates/s, p50 and p99 of the reply latency, the ratio,
 * the bot's peak RSS (VmHWM) and CPU time per update. Asserts nothing about time.
 */
@Tag("bench")
class LoadBenchmark {
    static {
        // the JDK's HTTP server leaves Nagle's algorithm on unless told; a real Bot API answers at once
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    static final int REPS = 50;
    static final int NOTES = 40;

    /** What one run measured. */
    record Result(String name, int updates, double seconds, double p50, double p99, long peakRssKb, double cpuMsPerUpdate) {
        double perSecond() {
            return updates / seconds;
        }
    }

    @Test
    void run() throws Exception {
        Result bare = bare();
        Result bot = bot("KAM Coach", 0);
        int fill = Integer.getInteger("load.fill", 0);
        Result filled = fill > 0 ? bot(String.format("KAM Coach on a store of %,d notes", fill), fill) : null;
        System.out.println();
        System.out.printf("load: %d reps x %d notes, each waiting for its reply, real client against the loopback fake%n",
                REPS, NOTES);
        System.out.println("| | updates/s | p50 ms | p99 ms | peak RSS MiB | CPU ms/update |");
        System.out.println("|---|---|---|---|---|---|");
        for (Result r : filled == null ? List.of(bare, bot) : List.of(bare, bot, filled)) {
            System.out.printf("| %s | %.0f | %.1f | %.1f | %s | %s |%n", r.name(), r.perSecond(), r.p50(), r.p99(),
                    r.peakRssKb() > 0 ? String.format("%.0f", r.peakRssKb() / 1024.0) : "-",
                    r.cpuMsPerUpdate() > 0 ? String.format("%.2f", r.cpuMsPerUpdate()) : "-");
        }
        System.out.printf("ratio (bot / bare): updates/s %.2f, p50 %.2f, p99 %.2f%n",
                bot.perSecond() / bare.perSecond(), bot.p50() / bare.p50(), bot.p99() / bare.p99());
        if (filled != null) {
            System.out.printf("ratio (filled store / empty store): updates/s %.2f, p50 %.2f, p99 %.2f%n",
                    filled.perSecond() / bot.perSecond(), filled.p50() / bot.p50(), filled.p99() / bot.p99());
        }
    }

    /** The baseline: every message echoed from a pool of 8 threads, nothing stored. */
    private Result bare() throws Exception {
        try (FakeBotApi api = FakeBotApi.start(TelegramDriver.TOKEN)) {
            api.forgetCalls();
            URI url = URI.create(api.baseUrl());
            TelegramUrl tu = new TelegramUrl("http", url.getHost(), url.getPort(), false);
            OkHttpClient http = new OkHttpClient.Builder().retryOnConnectionFailure(false).build();
            OkHttpTelegramClient client = new OkHttpTelegramClient(http, TelegramDriver.TOKEN, tu);
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try (TelegramBotsLongPollingApplication app = new TelegramBotsLongPollingApplication()) {
                app.registerBot(TelegramDriver.TOKEN, () -> tu, new DefaultGetUpdatesGenerator(), updates -> {
                    for (Update u : updates) {
                        pool.execute(() -> {
                            try {
                                client.execute(SendMessage.builder().chatId(u.getMessage().getChatId())
                                        .text(u.getMessage().getText()).build());
                            } catch (Exception e) {
                                throw new IllegalStateException(e);
                            }
                        });
                    }
                });
                return drive("bare consumer (echo)", api, -1);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    /** KAM Coach in its own JVM with the flags the jar gives itself. */
    private Result bot(String name, int prefill) throws Exception {
        Path dir = Files.createTempDirectory("kam-load");
        if (prefill > 0) {
            // other reps' notes, written through the project's own writers before the bot starts
            ScaleBenchmark.fill(dir.resolve("data"), prefill);
        }
        try (FakeBotApi api = FakeBotApi.start(TelegramDriver.TOKEN)) {
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(sizedFlags());
            if (System.getProperty("bench.flags") != null) {
                command.addAll(List.of(System.getProperty("bench.flags").split(" ")));
            }
            boolean nmt = System.getProperty("bench.nmt") != null;
            if (nmt) {
                command.add("-XX:NativeMemoryTracking=summary");
            }
            if (System.getProperty("bench.debug") != null) {
                command.add("-Dorg.slf4j.simpleLogger.log.coach.kam.telegram.TelegramBot=debug");
            }
            if (System.getProperty("bench.jfr") != null) {
                command.add("-XX:StartFlightRecording=filename=" + System.getProperty("bench.jfr") + ",settings=profile");
            }
            command.add("-cp");
            command.add(System.getProperty("java.class.path"));
            command.add("coach.kam.cli.Main");
            command.add("telegram");
            ProcessBuilder pb = new ProcessBuilder(command);
            Map<String, String> env = pb.environment();
            env.keySet().removeIf(k -> k.startsWith("KAM_") || k.startsWith("TELEGRAM_"));
            env.put("MALLOC_ARENA_MAX", "2");
            env.put("TELEGRAM_BOT_TOKEN", TelegramDriver.TOKEN);
            env.put("KAM_TELEGRAM_API_URL", api.baseUrl());
            env.put("KAM_OPEN_ACCESS", "true");
            env.put("KAM_SEND_RATE", "0");
            env.put("KAM_DATA_DIR", dir.resolve("data").toString());
            // the daily backup (and the weekly compaction after it) runs 5 s after a start: -Dload.backup=on keeps it
            env.put("KAM_BACKUP_TIME", "on".equals(System.getProperty("load.backup")) ? "03:00" : "off");
            pb.redirectError(dir.resolve("stderr.txt").toFile());
            pb.redirectOutput(dir.resolve("stdout.txt").toFile());
            Process child = pb.start();
            try {
                // ready when a question gets its answer (the search index is built), so the run measures notes alone
                long started = System.nanoTime();
                api.enqueueText(999_999, "/ask how do we evaluate a key account?");
                api.awaitCall("sendMessage", p -> p.path("chat_id").asLong() == 999_999
                        && p.path("text").asText().contains("Sources"), Duration.ofSeconds(300));
                System.out.printf("bot ready to answer questions %.1f s after its start%n", (System.nanoTime() - started) / 1e9);
                api.forgetCalls();
                long cpuBefore = cpuMillis(child.pid());
                Result r = drive(name, api, child.pid());
                double cpu = (cpuMillis(child.pid()) - cpuBefore) / (double) r.updates();
                if (nmt) {
                    Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                            Long.toString(child.pid()), "VM.native_memory", "summary").redirectErrorStream(true).start();
                    String summary = new String(jcmd.getInputStream().readAllBytes());
                    jcmd.waitFor();
                    System.out.println("native memory of the bot after the run (committed):");
                    summary.lines().filter(l -> l.startsWith("-") || l.startsWith("Total"))
                            .forEach(l -> System.out.println("  " + l.replaceAll("\\s+", " ").strip()));
                }
                return new Result(r.name(), r.updates(), r.seconds(), r.p50(), r.p99(), vmHwmKb(child.pid()), cpu);
            } finally {
                child.destroy();
                child.waitFor(30, TimeUnit.SECONDS);
                child.destroyForcibly();
            }
        }
    }

    static List<String> sizedFlags() throws Exception {
        // the flags bin/kam-coach gives the JVM (and the image's JDK_JAVA_OPTIONS), so the benchmark measures what users get
        for (Path candidate : List.of(Path.of("..", "bin", "kam-coach"), Path.of("bin", "kam-coach"))) {
            if (Files.isRegularFile(candidate)) {
                for (String line : Files.readAllLines(candidate)) {
                    if (line.startsWith("KAM_DEFAULT_JAVA_OPTIONS=")) {
                        return List.of(line.substring(line.indexOf('"') + 1, line.lastIndexOf('"')).split(" "));
                    }
                }
            }
        }
        throw new IllegalStateException("bin/kam-coach not found above " + Path.of("").toAbsolutePath());
    }

    /** 50 reps: one account each, then 40 notes one at a time, each waiting for its reply. */
    private Result drive(String name, FakeBotApi api, long pid) throws Exception {
        Map<Long, BlockingQueue<Long>> replies = new ConcurrentHashMap<>();
        for (long u = 1; u <= REPS; u++) {
            replies.put(u, new LinkedBlockingQueue<>());
        }
        api.onCall(c -> {
            if (c.ok() && c.method().equals("sendMessage")) {
                BlockingQueue<Long> q = replies.get(c.params().path("chat_id").asLong());
                if (q != null) {
                    q.add(System.nanoTime());
                }
            }
        });
        ExecutorService reps = Executors.newFixedThreadPool(REPS);
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        List<Future<?>> running = new ArrayList<>();
        for (long u = 1; u <= REPS; u++) {
            long user = u;
            running.add(reps.submit(() -> {
                BlockingQueue<Long> q = replies.get(user);
                api.enqueueText(user, "/new Load Co " + user);
                take(q);
                return null;
            }));
        }
        for (Future<?> f : running) {
            f.get();
        }
        running.clear();
        long start = System.nanoTime();
        for (long u = 1; u <= REPS; u++) {
            long user = u;
            running.add(reps.submit(() -> {
                BlockingQueue<Long> q = replies.get(user);
                for (int n = 1; n <= NOTES; n++) {
                    long sent = System.nanoTime();
                    api.enqueueText(user, "visit " + n + ": talked about the frame contract");
                    long got = take(q);
                    latencies.add(got - sent);
                }
                return null;
            }));
        }
        for (Future<?> f : running) {
            f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        reps.shutdownNow();
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        return new Result(name, sorted.size(), seconds, pct(sorted, 0.50), pct(sorted, 0.99), 0, 0);
    }

    private static long take(BlockingQueue<Long> q) throws InterruptedException {
        Long t = q.poll(120, TimeUnit.SECONDS);
        if (t == null) {
            throw new AssertionError("no reply within 120 s");
        }
        return t;
    }

    private static double pct(List<Long> sorted, double p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1)) / 1e6;
    }

    static long vmHwmKb(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return -1;
    }

    static long cpuMillis(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
        return ticks * 10; // USER_HZ is 100 on Linux
    }
}
