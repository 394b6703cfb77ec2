package coach.kam.pipeline;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small file naming the inbox entry whose turn is running, written before the turn and emptied
 * when it returns. It is not synced: it only has to outlive the process, not the machine. What it
 * names at the next start was running when the process died; a death while a group waits for its
 * commit (or for anything else) is nobody's fault and is not counted.
 */
final class InHand {
    private static final Logger LOG = LoggerFactory.getLogger(InHand.class);
    private final Path file;
    private FileChannel channel;
    private boolean broken;

    InHand(Path file) {
        this.file = file;
    }

    /** The entries in hand when the last process stopped (empty after a clean stop). */
    Set<Long> read() {
        Set<Long> seqs = new HashSet<>();
        if (file == null || !Files.isRegularFile(file)) {
            return seqs;
        }
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.US_ASCII)) {
                try {
                    seqs.add(Long.parseLong(line.strip()));
                } catch (NumberFormatException e) {
                    // a line cut by the death itself
                }
            }
        } catch (IOException e) {
            LOG.warn("cannot read {}: {}", file, e.toString());
        }
        return seqs;
    }

    /** The turn of this entry is about to run. */
    void mark(long seq) {
        write(seq + "\n");
    }

    void clear() {
        write("");
    }

    private void write(String text) {
        if (file == null || broken) {
            return;
        }
        try {
            if (channel == null) {
                channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            }
            channel.truncate(0);
            if (!text.isEmpty()) {
                channel.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII)), 0);
            }
        } catch (IOException e) {
            broken = true;
            LOG.warn("cannot write {} ({}); deaths while an update is in hand are not counted", file, e.toString());
        }
    }

    void close() {
        try {
            if (channel != null) {
                channel.close();
            }
        } catch (IOException e) {
            // nothing to keep
        }
    }
}
