package coach.kam.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What Docker is not here to show: the image runs as a user of its own with a health check and
 * tunable memory flags (the same as the launcher's), its build context leaves build output out, and
 * the compose file and the service unit use them.
 */
class DeploymentFilesTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void theImageRunsAsItsOwnUserWithAHealthCheckAndFlagsInJdkJavaOptions() throws IOException {
        List<String> docker = instructions(Files.readAllLines(ROOT.resolve("Dockerfile")));
        int runtime = lastIndexStarting(docker, "FROM ");
        List<String> last = docker.subList(runtime, docker.size());
        String user = only(last, "USER ").substring(5).strip();
        assertFalse(user.equals("root") || user.equals("0") || user.startsWith("0:"), "USER " + user);
        assertTrue(last.stream().anyMatch(l -> l.contains("useradd") && l.contains(user) && l.contains("chown")),
                "the user owns /data");
        int userAt = last.indexOf("USER " + user);
        assertTrue(userAt < last.indexOf(only(last, "ENTRYPOINT ")), "the entrypoint runs as " + user);
        assertTrue(only(last, "HEALTHCHECK ").contains("/app/healthcheck"));
        String flags = only(last, "ENV JDK_JAVA_OPTIONS=");
        assertEquals("ENV JDK_JAVA_OPTIONS=\"" + launcherFlags() + "\"", flags, "the image and bin/kam-coach agree");
        String entry = only(last, "ENTRYPOINT ");
        assertFalse(entry.contains("-Xmx") || entry.contains("-XX:"), "no flags on the entrypoint: " + entry);
        assertTrue(docker.stream().anyMatch(l -> l.contains("-o -Plinux-x64") && l.contains("jar tf")),
                "the image's jar is built offline for linux-x64 and checked for other platforms' libraries");
    }

    @Test
    void theHealthCheckAsksHealthzWithAPortAndReadsTheHeartbeatWithout() throws IOException {
        String check = Files.readString(ROOT.resolve("deploy").resolve("healthcheck.sh"));
        assertTrue(check.contains("KAM_HTTP_PORT") && check.contains("GET /healthz") && check.contains(Heartbeat.FILE));
        assertTrue(Files.isExecutable(ROOT.resolve("deploy").resolve("healthcheck.sh")));
    }

    @Test
    void theHealthCheckScriptFollowsHealthzAndTheHeartbeat(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        boolean[] healthy = {true};
        Health health = new Health().live("handler", () -> healthy[0] ? Optional.empty() : Optional.of("stuck"));
        try (BotMetrics metrics = new BotMetrics();
             OpsServer server = OpsServer.start("127.0.0.1", 0, health, metrics)) {
            java.util.Map<String, String> env = java.util.Map.of("KAM_HTTP_PORT", Integer.toString(server.port()));
            assertEquals(0, healthcheck(env), "200 from /healthz");
            healthy[0] = false;
            assertEquals(1, healthcheck(env), "503 from /healthz");
        }
        java.util.Map<String, String> noPort = java.util.Map.of("KAM_DATA_DIR", dir.toString());
        assertEquals(1, healthcheck(noPort), "no heartbeat yet");
        Heartbeat.beat(dir.resolve(Heartbeat.FILE), List.of());
        assertEquals(0, healthcheck(noPort), "a fresh heartbeat");
        Files.setLastModifiedTime(dir.resolve(Heartbeat.FILE),
                java.nio.file.attribute.FileTime.from(java.time.Instant.now().minusSeconds(120)));
        assertEquals(1, healthcheck(noPort), "a heartbeat two minutes old");
    }

    private static int healthcheck(java.util.Map<String, String> env) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("bash", ROOT.resolve("deploy").resolve("healthcheck.sh").toString())
                .redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("KAM_"));
        pb.environment().putAll(env);
        Process p = pb.start();
        p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS));
        return p.exitValue();
    }

    @Test
    void theBuildContextLeavesBuildOutputAndDataOut() throws IOException {
        List<String> ignored = Files.readAllLines(ROOT.resolve(".dockerignore")).stream().map(String::strip).toList();
        assertTrue(ignored.contains("**/target/") && ignored.contains("data/") && ignored.contains(".git/"), ignored.toString());
    }

    @Test
    void composeAndTheServiceUnitUseTheImageAndTheLauncher() throws IOException {
        String compose = Files.readString(ROOT.resolve("docker-compose.yml"));
        for (String wanted : List.of("restart: unless-stopped", "kam-data:/data", "healthcheck:", "# KAM_HTTP_PORT",
                "stop_grace_period")) {
            assertTrue(compose.contains(wanted), wanted);
        }
        String unit = Files.readString(ROOT.resolve("deploy").resolve("kam-coach.service"));
        assertTrue(unit.contains("ExecStart=/opt/kam-coach/bin/kam-coach telegram") && unit.contains("User=kam")
                && unit.contains("RestartPreventExitStatus=2"), unit);
        assertTrue(Files.isExecutable(ROOT.resolve("bin").resolve("kam-coach")));
    }

    static String launcherFlags() throws IOException {
        for (String line : Files.readAllLines(ROOT.resolve("bin").resolve("kam-coach"))) {
            if (line.startsWith("KAM_DEFAULT_JAVA_OPTIONS=\"")) {
                return line.substring(line.indexOf('"') + 1, line.lastIndexOf('"'));
            }
        }
        throw new AssertionError("bin/kam-coach has no KAM_DEFAULT_JAVA_OPTIONS");
    }

    /** Dockerfile lines joined across backslash continuations, comments and blank lines left out. */
    private static List<String> instructions(List<String> lines) {
        List<String> out = new java.util.ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String raw : lines) {
            String line = raw.strip();
            if (current.length() == 0 && (line.isEmpty() || line.startsWith("#"))) {
                continue;
            }
            if (line.endsWith("\\")) {
                current.append(line, 0, line.length() - 1).append(' ');
                continue;
            }
            out.add(current.append(line).toString().replaceAll("\\s+", " ").strip());
            current.setLength(0);
        }
        return out;
    }

    private static int lastIndexStarting(List<String> lines, String prefix) {
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (lines.get(i).startsWith(prefix)) {
                return i;
            }
        }
        throw new AssertionError("no " + prefix);
    }

    private static String only(List<String> lines, String prefix) {
        List<String> found = lines.stream().filter(l -> l.startsWith(prefix)).toList();
        assertEquals(1, found.size(), prefix + " in " + lines);
        return Optional.of(found.get(0)).get();
    }
}
