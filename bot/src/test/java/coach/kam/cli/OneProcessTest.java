package coach.kam.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.kam.telegram.FakeBotApi;
import coach.kam.testing.ChildConsole;
import coach.kam.testing.TelegramDriver;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bot is one process: it starts no second JVM, a kill -9 leaves nothing behind, and a restart
 * on the same folder answers. The launcher script replaces itself with java, with the memory flags
 * in JDK_JAVA_OPTIONS unless the user set their own.
 */
class OneProcessTest {
    private static final Path SCRIPT = Path.of("..", "bin", "kam-coach").toAbsolutePath().normalize();

    @Test
    void killNineLeavesNoProcessAndARestartOnTheSameFolderAnswers(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        Map<String, String> env = Map.of("TELEGRAM_BOT_TOKEN", TelegramDriver.TOKEN, "KAM_ALLOWED_USERS", "5");
        try (FakeBotApi api = FakeBotApi.start(TelegramDriver.TOKEN)) {
            Map<String, String> withApi = new java.util.HashMap<>(env);
            withApi.put("KAM_TELEGRAM_API_URL", api.baseUrl());
            withApi.put("KAM_DATA_DIR", data.toString());
            try (ChildConsole first = ChildConsole.start(dir.resolve("err1.txt"), withApi)) {
                api.enqueueText(5, "/new Orphan Co");
                api.awaitCall("deleteWebhook", p -> true, Duration.ofSeconds(90));
                api.awaitCall("sendMessage", p -> p.path("text").asText().contains("Orphan Co"), Duration.ofSeconds(90));
                assertEquals(List.of(), first.handle().descendants().map(ProcessHandle::pid).toList(),
                        "the bot runs in the process that was started, with no child process");
                first.kill();
            }
            assertEquals(List.of(), processesUsing(data), "nothing runs on the data folder after kill -9");

            long restarted = System.nanoTime();
            try (ChildConsole second = ChildConsole.start(dir.resolve("err2.txt"), withApi)) {
                api.enqueueText(5, "signed after the restart");
                api.awaitCall("sendMessage", p -> p.path("text").asText().contains("Saved to"), Duration.ofSeconds(90));
                System.out.printf("restart after kill -9 answered a note %.1f s after its start%n",
                        (System.nanoTime() - restarted) / 1e9);
                assertFalse(second.stderrText().contains("in use"), second.stderrText());
                second.terminate();
                int code = second.waitFor(Duration.ofSeconds(60));
                assertTrue(code == 143 || code == 0, "exit " + code);
                String err = second.stderrText();
                assertFalse(err.contains("Exception") || err.contains("\tat "), "a quiet stop: " + err);
                assertTrue(err.contains("KAM Coach stopped"), err);
            }
            assertEquals(List.of(), api.violations());
        }
        assertTrue(Files.isRegularFile(data.resolve("runtime").resolve("models").resolve("bge-small-zh-v1.5-q.onnx")),
                "the model is unpacked under the data folder");
        try (var libs = Files.walk(data.resolve("runtime"))) {
            assertTrue(libs.anyMatch(p -> p.getFileName().toString().startsWith("libonnxruntime")),
                    "the inference runtime's libraries are unpacked under the data folder");
        }
    }

    @Test
    void aScriptPipedInThatEndsAtOnceStopsQuietly(@TempDir Path dir) throws Exception {
        try (ChildConsole child = ChildConsole.start(dir.resolve("err.txt"),
                Map.of("KAM_DATA_DIR", dir.resolve("data").toString()))) {
            assertTrue(child.send("/help"));
            child.await(l -> l.contains("/new"), Duration.ofSeconds(60), "the command list");
            assertEquals(0, child.closeInputAndWait(Duration.ofSeconds(60)));
            String err = child.stderrText();
            assertFalse(err.contains("\tat ") || err.contains("Exception") || err.contains("ERROR"),
                    "an early stop is no fault: " + err);
        }
    }

    @Test
    void withNoTokenAndNoTerminalItStopsWithAMessageAndExitTwo(@TempDir Path dir) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(java(), "-cp", System.getProperty("java.class.path"),
                "coach.kam.cli.Main").redirectInput(new File("/dev/null"))
                .redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("KAM_") || k.startsWith("TELEGRAM_"));
        pb.environment().put("KAM_DATA_DIR", dir.resolve("data").toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(2, p.exitValue(), out);
        assertTrue(out.contains("TELEGRAM_BOT_TOKEN is not set and there is no terminal"), out);
        assertFalse(out.contains("Exception"), out);
    }

    @Test
    void aDataFolderThisUserMayNotWriteIsNamedWithItsOwnerAndTheWayOut(@TempDir Path dir) throws Exception {
        Path data = Files.createDirectory(dir.resolve("data"));
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            org.junit.jupiter.api.Assumptions.assumeFalse(Files.isWritable(data),
                    "this user (root) writes anywhere: there is no permission problem to report");
            try (ChildConsole child = ChildConsole.start(dir.resolve("err.txt"), "console", "--data", data.toString())) {
                assertEquals(2, child.waitFor(Duration.ofSeconds(60)));
                String err = child.stderrText();
                assertTrue(err.contains("the data folder " + data.toAbsolutePath() + " is not writable")
                        && err.contains("r-xr-xr-x") && err.contains("chown"), err);
            }
        } finally {
            Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void theLauncherBecomesJavaWithTheMemoryFlagsUnlessTheUserSetOwn(@TempDir Path dir) throws Exception {
        Path jdk = Files.createDirectories(dir.resolve("jdk").resolve("bin"));
        Path fakeJava = jdk.resolve("java");
        // a stand-in for java that reports its process id, its arguments and the options it was given
        Files.writeString(fakeJava, "#!/bin/sh\necho \"pid=$$\"\necho \"args=$*\"\necho \"opts=$JDK_JAVA_OPTIONS\"\n"
                + "echo \"arenas=$MALLOC_ARENA_MAX\"\n");
        Files.setPosixFilePermissions(fakeJava, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path jar = Files.createFile(dir.resolve("kam-coach.jar"));

        List<String> plain = launch(dir, jar, null, "telegram", "--data", "/srv/kam");
        assertEquals("args=-jar " + jar + " telegram --data /srv/kam", plain.get(1));
        assertTrue(plain.get(2).startsWith("opts=-Xmx128m ") && plain.get(2).contains("-XX:+UseSerialGC"), plain.get(2));
        assertEquals("arenas=2", plain.get(3));

        List<String> own = launch(dir, jar, "-Xmx512m", "console");
        assertEquals("opts=-Xmx512m", own.get(2));
    }

    /** Runs the script with the stand-in java; checks that java took over the script's own process. */
    private static List<String> launch(Path dir, Path jar, String options, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("/bin/sh", SCRIPT.toString()));
        command.addAll(Arrays.asList(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("JAVA_HOME", dir.resolve("jdk").toString());
        pb.environment().put("KAM_JAR", jar.toString());
        pb.environment().remove("MALLOC_ARENA_MAX");
        if (options == null) {
            pb.environment().remove("JDK_JAVA_OPTIONS");
        } else {
            pb.environment().put("JDK_JAVA_OPTIONS", options);
        }
        Process p = pb.start();
        List<String> lines = new String(p.getInputStream().readAllBytes()).lines().toList();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), String.join("\n", lines));
        assertEquals("pid=" + p.pid(), lines.get(0), "java replaced the script (exec): the same process");
        return lines;
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Processes whose command line names {@code data} (the bot started for it). */
    private static List<Long> processesUsing(Path data) {
        String needle = data.toString();
        return ProcessHandle.allProcesses().filter(ProcessHandle::isAlive)
                .filter(h -> h.info().commandLine().map(c -> c.contains(needle)).orElse(false)
                        || environOf(h).contains(needle))
                .map(ProcessHandle::pid).toList();
    }

    private static String environOf(ProcessHandle h) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", Long.toString(h.pid()), "environ")));
        } catch (Exception e) {
            return "";
        }
    }
}
