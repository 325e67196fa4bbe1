package visionlab.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import visionlab.kernel.TinyRepository.Dep;

/**
 * Maven coordinates to jars without network: a temporary file:// repository serves as the mirror of
 * Maven Central (settings.xml), and every local repository is a temporary folder, never ~/.m2.
 */
class MavenResolverTest {

    @TempDir
    Path dir;
    TinyRepository remote;
    Path betaJar;
    Path alphaJar;
    final ByteArrayOutputStream progress = new ByteArrayOutputStream();

    @BeforeEach
    void deploy() throws Exception {
        remote = new TinyRepository(dir.resolve("remote"));
        betaJar = remote.deploy("demo:beta:1.0", "demo.beta.Beta",
                "public static String name() { return \"beta\"; }");
        // alpha needs beta at run time; its test-scoped dependency does not exist anywhere: resolving it would fail
        alphaJar = remote.deploy("demo:alpha:1.0", "demo.alpha.Alpha",
                "public static String greet() { return \"alpha+\" + demo.beta.Beta.name(); }", Dep.on("demo:beta:1.0"),
                new Dep("demo:only-for-tests:9.9", "test"));
    }

    MavenResolver resolver(String mirrorOf, boolean offline, Path local, Duration request) throws Exception {
        Path settings = remote.settings(dir.resolve("settings-" + mirrorOf.hashCode() + offline + ".xml"), mirrorOf, offline, null);
        return new MavenResolver(new MavenResolver.Config(settings, local, Duration.ofSeconds(2), request));
    }

    List<MavenResolver.Jar> resolve(MavenResolver r, List<String> coordinates, List<String> repos) throws Exception {
        return r.resolve(coordinates, repos, new PrintStream(progress, true),
                graph -> graph.stream().map(MavenResolver.Jar::key).collect(Collectors.toSet()));
    }

    @Test
    void resolvesTheArtifactAndItsRuntimeDependencyThroughTheMirrorOfCentral() throws Exception {
        Path local = dir.resolve("m2");
        List<MavenResolver.Jar> jars = resolve(resolver("*", false, local, Duration.ofSeconds(5)), List.of("demo:alpha:1.0"), List.of());
        assertEquals(List.of("demo:alpha:1.0", "demo:beta:1.0"), jars.stream().map(MavenResolver.Jar::coordinates).toList(),
                "the requested artifact first, then its runtime dependency; no test-scoped dependency");
        for (MavenResolver.Jar j : jars) {
            assertTrue(j.file().startsWith(local), j.file() + " is in the local repository given");
        }
        assertArrayEquals(Files.readAllBytes(alphaJar), Files.readAllBytes(jars.get(0).file()));
        assertArrayEquals(Files.readAllBytes(betaJar), Files.readAllBytes(jars.get(1).file()));
        assertTrue(progress.toString().contains("downloaded alpha-1.0.jar"), progress.toString());
        assertTrue(progress.toString().contains("from tiny"), "the mirror served it: " + progress);
    }

    @Test
    void onlyTheChosenArtifactsOfTheGraphAreDownloaded() throws Exception {
        Path local = dir.resolve("m2");
        List<List<String>> offered = new ArrayList<>();
        List<MavenResolver.Jar> jars = resolver("*", false, local, Duration.ofSeconds(5)).resolve(List.of("demo:alpha:1.0"), List.of(),
                new PrintStream(progress, true), graph -> {
                    offered.add(graph.stream().map(j -> j.coordinates() + (j.file() == null ? "" : " with a file")).toList());
                    return Set.of("demo:alpha");
                });
        assertEquals(List.of(List.of("demo:alpha:1.0", "demo:beta:1.0")), offered, "the whole graph, before any jar");
        assertEquals(List.of("demo:alpha:1.0"), jars.stream().map(MavenResolver.Jar::coordinates).toList());
        assertEquals(List.of("demo:beta"), jars.get(0).dependencies());
        assertFalse(Files.exists(local.resolve("demo/beta/1.0/beta-1.0.jar")), "beta was not chosen, so not downloaded");
    }

    @Test
    void anArtifactOnlyInAnExtraRepositoryIsFoundThere() throws Exception {
        TinyRepository extra = new TinyRepository(dir.resolve("extra"));
        // delta (only in the extra repository) needs beta (only in the mirror of central)
        extra.deploy("demo:delta:2.0", "demo.delta.Delta", "public static int n() { return 4; }", Dep.on("demo:beta:1.0"));
        List<MavenResolver.Jar> jars = resolve(resolver("central", false, dir.resolve("m2"), Duration.ofSeconds(5)),
                List.of("demo:delta:2.0"), List.of(extra.url()));
        assertEquals(List.of("demo:delta:2.0", "demo:beta:1.0"), jars.stream().map(MavenResolver.Jar::coordinates).toList());
        assertTrue(progress.toString().contains("downloaded delta-2.0.jar (") && progress.toString().contains(") from repo-1"),
                progress.toString());
    }

    @Test
    void theLocalRepositoryOfSettingsXmlIsUsedWhenNoneIsGiven() throws Exception {
        Path local = dir.resolve("from-settings");
        Path settings = remote.settings(dir.resolve("settings-local.xml"), "*", false, local);
        MavenResolver r = new MavenResolver(new MavenResolver.Config(settings, null, Duration.ofSeconds(2), Duration.ofSeconds(5)));
        List<MavenResolver.Jar> jars = resolve(r, List.of("demo:beta:1.0"), List.of());
        assertEquals(1, jars.size());
        assertTrue(jars.get(0).file().startsWith(local), jars.get(0).file().toString());
    }

    @Test
    void unknownArtifactFailsFastNamingTheCoordinatesAndTheRepositoriesTried() throws Exception {
        Path local = dir.resolve("m2");
        long t0 = System.nanoTime();
        MavenResolver.ResolutionException e = assertThrows(MavenResolver.ResolutionException.class,
                () -> resolve(resolver("*", false, local, Duration.ofSeconds(5)), List.of("demo:nowhere:3.1"), List.of()));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(ms < 5_000, "took " + ms + " ms");
        String m = e.getMessage();
        assertTrue(m.startsWith("cannot resolve demo:nowhere:3.1: "), m);
        assertTrue(m.contains("tiny (" + remote.url()), "names the mirror and its URL: " + m);
        assertTrue(m.contains("mirror of central"), m);
        assertTrue(m.contains("local " + local), m);
    }

    @Test
    void anUnreachableRepositoryIsAnErrorNamingItWithinTheTimeout() throws Exception {
        // a server that accepts connections and never answers: only the request timeout ends the wait
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            String url = "http://127.0.0.1:" + silent.getLocalPort() + "/maven2/";
            MavenResolver r = resolver("central", false, dir.resolve("m2"), Duration.ofSeconds(1));
            long t0 = System.nanoTime();
            MavenResolver.ResolutionException e = assertThrows(MavenResolver.ResolutionException.class,
                    () -> resolve(r, List.of("demo:elsewhere:1.0"), List.of(url)));
            long ms = (System.nanoTime() - t0) / 1_000_000;
            // the POM and the jar, each tried twice (one retry), at 1 s each
            assertTrue(ms < 10_000, "took " + ms + " ms");
            String m = e.getMessage();
            assertTrue(m.contains("demo:elsewhere:1.0"), m);
            assertTrue(m.contains("repo-1 (" + url + ")"), "names the repository that did not answer: " + m);
            assertTrue(m.contains("tiny (" + remote.url()), m);
        }
    }

    @Test
    void theProxyOfSettingsXmlCarriesTheRequestsToARemoteRepository() throws Exception {
        // a proxy on the loopback that records the request line and answers 404: no request leaves the machine
        try (ServerSocket proxy = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            List<String> requests = new java.util.concurrent.CopyOnWriteArrayList<>();
            Thread server = new Thread(() -> {
                while (!proxy.isClosed()) {
                    try (java.net.Socket s = proxy.accept()) {
                        var in = new java.io.BufferedReader(new java.io.InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
                        requests.add(in.readLine());
                        while (!String.valueOf(in.readLine()).isEmpty()) {
                            // skip the headers
                        }
                        s.getOutputStream().write("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                                .getBytes(StandardCharsets.US_ASCII));
                    } catch (java.io.IOException e) {
                        return;
                    }
                }
            });
            server.setDaemon(true);
            server.start();
            String proxies = "  <proxies><proxy><id>p</id><active>true</active><protocol>http</protocol><host>127.0.0.1</host>"
                    + "<port>" + proxy.getLocalPort() + "</port></proxy></proxies>\n";
            Path settings = remote.settings(dir.resolve("settings-proxy.xml"), "central", false, null, proxies);
            MavenResolver r = new MavenResolver(new MavenResolver.Config(settings, dir.resolve("m2"), Duration.ofSeconds(2), Duration.ofSeconds(5)));
            String url = "http://repo.example.invalid/maven2/";
            MavenResolver.ResolutionException e = assertThrows(MavenResolver.ResolutionException.class,
                    () -> resolve(r, List.of("demo:proxied:1.0"), List.of(url)));
            assertTrue(requests.stream().anyMatch(l -> l.startsWith("GET " + url + "demo/proxied/1.0/proxied-1.0.")),
                    "the proxy got " + requests);
            assertTrue(e.getMessage().contains("repo-1 (" + url + ")"), e.getMessage());
        }
    }

    @Test
    void offlineSettingsResolveFromTheLocalRepositoryOnly() throws Exception {
        Path local = dir.resolve("m2");
        resolve(resolver("*", false, local, Duration.ofSeconds(5)), List.of("demo:beta:1.0"), List.of());
        MavenResolver offline = resolver("*", true, local, Duration.ofSeconds(5));
        assertEquals(List.of("demo:beta:1.0"), resolve(offline, List.of("demo:beta:1.0"), List.of()).stream()
                .map(MavenResolver.Jar::coordinates).toList(), "what the local repository has resolves offline");
        MavenResolver.ResolutionException e = assertThrows(MavenResolver.ResolutionException.class,
                () -> resolve(offline, List.of("demo:alpha:1.0"), List.of()));
        assertTrue(e.getMessage().contains("offline"), e.getMessage());
    }

    @Test
    void malformedCoordinatesNameTheExpectedForm() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MavenResolver.artifact("commons-math3"));
        assertTrue(e.getMessage().contains("group:artifact:version"), e.getMessage());
        assertTrue(e.getMessage().contains("commons-math3"), e.getMessage());
    }
}
