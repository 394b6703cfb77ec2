package coach.kam.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What standard input is, for the choice between the console chat and a clear refusal. */
final class Terminal {
    private Terminal() {
    }

    /**
     * True when standard input is {@code /dev/null} (a service or a container started without
     * {@code -i}): nothing can ever be typed. A pipe or a file is input and reads as false.
     */
    static boolean inputIsNull() {
        Path stdin = Path.of("/proc/self/fd/0");
        try {
            return Files.isSymbolicLink(stdin) && Files.readSymbolicLink(stdin).toString().equals("/dev/null");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }
}
