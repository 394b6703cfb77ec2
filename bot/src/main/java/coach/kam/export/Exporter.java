package coach.kam.export;

import coach.kam.accounts.Account;
import coach.kam.accounts.Accounts;
import coach.kam.store.Tables;
import coach.kam.store.Tx;
import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A zip of what reps own, written to a file record by record: {@code data.json} (every exportable
 * table, see {@link DataJson}), {@code report.md} (one section per account), {@code accounts.csv}
 * (one row per account, UTF-8 with a byte-order mark so spreadsheets read Chinese) and
 * {@code manifest.json} (sizes, SHA-256, counts and skipped damaged records, see {@link Manifest}).
 * Everything is read in one transaction, so the files agree; memory holds one page of records or
 * one account's notes at a time, whatever the store's size.
 */
public final class Exporter {
    public static final String REPORT = "report.md";
    public static final String CSV = "accounts.csv";
    public static final String DATA = "data.json";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmm").withZone(ZoneOffset.UTC);

    private Exporter() {
    }

    /** A finished export: the zip in {@code file}, {@code bytes} long. */
    public record Export(String fileName, Path file, long bytes, int accounts, int records, Instant at) {
        /** The zip's content, for small exports and tests. */
        public byte[] zip() {
            try {
                return Files.readAllBytes(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The file name an export of {@code scope} made at {@code now} gets. */
    public static String fileName(DataJson.Scope scope, Instant now) {
        // one rep by id; several reps (a manager's team) or everyone by what they are
        String who = scope.users().isEmpty() ? "all" : scope.users().size() > 1 ? "team"
                : Long.toString(scope.users().iterator().next());
        return "kam-coach-export-" + who + (scope.accountId() == null ? "" : "-account-" + scope.accountId())
                + "-" + STAMP.format(now) + ".zip";
    }

    /**
     * Writes the export into {@code dir} (a partial file first, moved to its name when complete);
     * {@code extra} are more files beside the usual ones (name to text).
     */
    public static Export write(Tx tx, Tables tables, DataJson.Scope scope, Instant now, Readables readable,
                               Map<String, String> extra, Path dir) {
        String name = fileName(scope, now);
        Path part = dir.resolve(name + ".part");
        try {
            Files.createDirectories(dir);
            Manifest manifest = new Manifest();
            DataJsonWriter.Written data;
            List<Account> accounts;
            try (ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(part), 1 << 16),
                    StandardCharsets.UTF_8)) {
                Entry json = new Entry(zip, DATA, now);
                data = DataJsonWriter.write(tx, tables, scope, now, json);
                manifest.file(DATA, json.finish()).put("records", data.records())
                        .set("tables", coach.kam.store.Json.MAPPER.valueToTree(data.tables()));
                accounts = accountsOf(tx, data.users(), scope.accountId());
                Entry md = new Entry(zip, REPORT, now);
                readable.report(tx, accounts, now, md.writer());
                manifest.file(REPORT, md.finish());
                Entry csv = new Entry(zip, CSV, now);
                readable.csv(tx, accounts, csv.writer());
                manifest.file(CSV, csv.finish()).put("rows", accounts.size());
                for (var file : new TreeMap<>(extra).entrySet()) {
                    Entry e = new Entry(zip, file.getKey(), now);
                    e.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                    manifest.file(file.getKey(), e.finish());
                }
                // last, so that every read of this export has reported what it skipped
                Entry m = new Entry(zip, Manifest.NAME, now);
                m.write(manifest.json(now, tx.damaged(), scope, tables).getBytes(StandardCharsets.UTF_8));
                m.finish();
            }
            Path done = dir.resolve(name);
            Files.move(part, done, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return new Export(name, done, Files.size(done), accounts.size(), data.records(), now);
        } catch (IOException e) {
            deleteQuietly(part);
            throw new UncheckedIOException(e);
        } catch (RuntimeException | Error e) {
            deleteQuietly(part);
            throw e;
        }
    }

    /** The accounts an export covers, by rep then name. */
    static List<Account> accountsOf(Tx tx, Iterable<Long> users, Long accountId) {
        Accounts accounts = new Accounts();
        List<Account> out = new ArrayList<>();
        for (long user : users) {
            for (Account a : accounts.list(tx, user)) {
                if (accountId == null || a.id() == accountId) {
                    out.add(a);
                }
            }
        }
        return out;
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // a partial file left behind is named .part and never sent
        }
    }

    /** One file of the zip: counts and hashes what goes through it; closing it leaves the zip open. */
    private static final class Entry extends FilterOutputStream {
        private final ZipOutputStream zip;
        private final MessageDigest sha;
        private long bytes;
        private Writer writer;

        Entry(ZipOutputStream zip, String name, Instant at) throws IOException {
            super(zip);
            this.zip = zip;
            ZipEntry e = new ZipEntry(name);
            e.setTime(at.toEpochMilli());
            zip.putNextEntry(e);
            try {
                sha = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException ex) {
                throw new IllegalStateException(ex);
            }
        }

        Writer writer() {
            writer = new OutputStreamWriter(this, StandardCharsets.UTF_8);
            return writer;
        }

        @Override
        public void write(int b) throws IOException {
            zip.write(b);
            sha.update((byte) b);
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            zip.write(b, off, len);
            sha.update(b, off, len);
            bytes += len;
        }

        @Override
        public void close() {
            // the zip stays open for the next file: see finish()
        }

        /** Ends the file in the zip; returns its size and SHA-256. */
        Manifest.Sized finish() throws IOException {
            if (writer != null) {
                writer.flush();
            }
            zip.closeEntry();
            return new Manifest.Sized(bytes, HexFormat.of().formatHex(sha.digest()));
        }
    }
}
