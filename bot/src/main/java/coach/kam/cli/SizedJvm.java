package coach.kam.cli;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Sizes the JVM where the program starts. A plain {@code java -jar kam-coach.jar} gets the JVM's
 * defaults: a heap that grows to a quarter of the machine's memory and a parallel collector's
 * bookkeeping. So when no heap size was given, the program starts itself again in a child JVM
 * with a small heap, the serial collector and bounded native pools, passes standard input and
 * output through, forwards SIGTERM, and exits with the child's code. Give {@code -Xmx} (or set
 * {@code KAM_JAVA_SIZED=false}) to run in the first JVM instead.
 */
final class SizedJvm {
    static final String MARKER = "kam.sized";
    static final List<String> FLAGS = List.of(
            "-Xmx128m", "-Xss512k", "-XX:+UseSerialGC", "-XX:MaxMetaspaceSize=96m",
            "-XX:ReservedCodeCacheSize=48m", "-XX:MaxDirectMemorySize=32m", "-XX:CICompilerCount=2",
            "-XX:+ExitOnOutOfMemoryError");

    private SizedJvm() {
    }

    /** Short one-shot commands finish before a heap grows; they skip the second JVM's start-up. */
    private static final java.util.Set<String> ONE_SHOT = java.util.Set.of("ask", "objection", "export", "backup", "restore", "--help", "-h",
            "--version", "-V");

    /** True when this JVM was started from the jar with no heap size of its own, to run the bot. */
    static boolean wanted(String[] args) {
        if (args.length > 0 && ONE_SHOT.contains(args[0])) {
            return false;
        }
        if (System.getProperty(MARKER) != null || "false".equalsIgnoreCase(System.getenv("KAM_JAVA_SIZED"))) {
            return false;
        }
        for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (arg.startsWith("-Xmx") || arg.startsWith("-XX:MaxHeapSize") || arg.startsWith("-XX:MaxRAMPercentage")) {
                return false;
            }
        }
        String cp = System.getProperty("java.class.path", "");
        return cp.endsWith(".jar") && !cp.contains(java.io.File.pathSeparator) && Files.isRegularFile(Path.of(cp));
    }

    /** Runs the program in a sized child JVM and returns its exit code. */
    static int run(String[] args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(FLAGS);
        command.add("-D" + MARKER + "=true");
        command.add("-Dfile.encoding=" + System.getProperty("file.encoding", "UTF-8"));
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Main.class.getName());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).inheritIO();
        // fewer malloc arenas: the inference runtime's threads would otherwise each get 64 MB of address space
        pb.environment().putIfAbsent("MALLOC_ARENA_MAX", "2");
        Process child = pb.start();
        Thread forward = new Thread(() -> {
            if (child.isAlive()) {
                child.destroy();
                try {
                    child.waitFor();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }, "kam-forward-stop");
        Runtime.getRuntime().addShutdownHook(forward);
        int code = child.waitFor();
        try {
            Runtime.getRuntime().removeShutdownHook(forward);
        } catch (IllegalStateException stopping) {
            // already shutting down: the hook runs and finds the child gone
        }
        return code;
    }
}
