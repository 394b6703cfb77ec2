package coach.kam.export;

import coach.kam.accounts.Account;
import coach.kam.store.Tx;
import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.List;

/**
 * The readable files of an export, in the reader's language: written by the chat side, account by
 * account into the zip, so neither file is ever held whole.
 */
public interface Readables {
    /** {@code report.md}: a heading, then one section per account. */
    void report(Tx tx, List<Account> accounts, Instant now, Writer out) throws IOException;

    /** {@code accounts.csv}: the header and one row per account. */
    void csv(Tx tx, List<Account> accounts, Writer out) throws IOException;
}
