package coach.kam.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Looks for a text in a store file's raw bytes, as MapDB packs it (each ASCII character with its high bit set). */
public final class StoreBytes {
    private StoreBytes() {
    }

    /** Occurrences of an ASCII {@code text} in {@code file}. */
    public static long count(Path file, String text) throws IOException {
        String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        StringBuilder packed = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c > 0x7f) {
                throw new IllegalArgumentException("ASCII text only: " + text);
            }
            packed.append((char) (c | 0x80));
        }
        long n = 0;
        for (int at = bytes.indexOf(packed.toString()); at >= 0; at = bytes.indexOf(packed.toString(), at + 1)) {
            n++;
        }
        return n;
    }
}
