package coach.kam.export;

import coach.kam.accounts.Account;
import coach.kam.conversation.Turn;
import coach.kam.store.Json;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A zip of what reps own: {@code report.md} (Markdown, one section per account),
 * {@code accounts.csv} (one row per account, UTF-8 with a byte-order mark so spreadsheets read
 * Chinese), {@code data.json} (every exportable table, see {@link DataJson}) and
 * {@code manifest.json} (sizes, SHA-256, counts and skipped damaged records, see {@link Manifest}). Everything is read
 * in one transaction, so the three agree.
 */
public final class Exporter {
    public static final String REPORT = "report.md";
    public static final String CSV = "accounts.csv";
    public static final String DATA = "data.json";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmm").withZone(ZoneOffset.UTC);

    private final Report report;

    public Exporter(Report report) {
        this.report = report;
    }

    /** A finished export. */
    public record Export(String fileName, byte[] zip, int accounts, int records, Instant at) {
    }

    public Export export(Turn turn, DataJson.Scope scope) {
        return export(turn, scope, java.util.Map.of());
    }

    /** An export with more files beside the usual three (name to text). */
    public Export export(Turn turn, DataJson.Scope scope, java.util.Map<String, String> extra) {
        Instant now = turn.now();
        ObjectNode data = DataJson.export(turn.tx(), scope, now);
        List<Long> users = new ArrayList<>();
        data.path("users").forEach(u -> users.add(u.asLong()));
        List<Account> accounts = report.accountsOf(turn, users, scope.accountId());
        int records = 0;
        for (var t : data.path("tables")) {
            records += t.path("records").size();
        }
        String who = scope.users().isEmpty() ? "all" : Long.toString(scope.users().iterator().next());
        String name = "kam-coach-export-" + who + (scope.accountId() == null ? "" : "-account-" + scope.accountId())
                + "-" + STAMP.format(now) + ".zip";
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            Manifest manifest = new Manifest();
            String md = report.markdown(turn, accounts, now);
            put(zip, REPORT, md, now);
            manifest.file(REPORT, md);
            String csv = report.csv(turn, accounts);
            put(zip, CSV, csv, now);
            manifest.file(CSV, csv).put("rows", accounts.size());
            String json = Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(data);
            put(zip, DATA, json, now);
            ObjectNode dataEntry = manifest.file(DATA, json).put("records", records);
            ObjectNode tables = dataEntry.putObject("tables");
            data.path("tables").fields().forEachRemaining(t -> tables.put(t.getKey(), t.getValue().path("records").size()));
            for (var file : new java.util.TreeMap<>(extra).entrySet()) {
                put(zip, file.getKey(), file.getValue(), now);
                manifest.file(file.getKey(), file.getValue());
            }
            // last, so that every read of this export has reported what it skipped
            put(zip, Manifest.NAME, manifest.json(now, turn.tx().damaged(), scope), now);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Export(name, bytes.toByteArray(), accounts.size(), records, now);
    }

    private static void put(ZipOutputStream zip, String name, String text, Instant at) throws IOException {
        ZipEntry e = new ZipEntry(name);
        e.setTime(at.toEpochMilli());
        zip.putNextEntry(e);
        zip.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
