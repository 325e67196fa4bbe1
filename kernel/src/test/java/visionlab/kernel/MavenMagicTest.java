package visionlab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import visionlab.kernel.TinyRepository.Dep;

/**
 * {@code %maven} through the kernel, without network: settings.xml (a temporary file) mirrors every
 * repository to a temporary file:// repository of tiny artifacts, and the local repository is a temporary
 * folder, so nothing reaches the network or ~/.m2.
 */
class MavenMagicTest {

    @TempDir
    static Path dir;
    static TinyRepository remote;
    static Path local;
    static Session session;
    static String oldSettings;
    static String oldLocal;

    @BeforeAll
    static void start() throws Exception {
        remote = new TinyRepository(dir.resolve("remote"));
        local = dir.resolve("m2");
        remote.deploy("demo:beta:1.0", "demo.beta.Beta", "public static String name() { return \"beta\"; }");
        remote.deploy("demo:alpha:1.0", "demo.alpha.Alpha", "public static String greet() { return \"alpha+\" + demo.beta.Beta.name(); }",
                Dep.on("demo:beta:1.0"));
        remote.deploy("demo:again:1.0", "demo.again.Again", "public static int n() { return 7; }");
        remote.deploy("demo:whole:1.0", "demo.whole.Whole", "public static int n() { return 1; }");
        // an older XChart than the kernel's, holding a class the real one lacks, needed by "charty"; only
        // the old XChart needs "chart-helper"
        remote.deploy("demo:chart-helper:1.0", "demo.helper.Helper", "");
        remote.deploy("org.knowm.xchart:xchart:3.0.0", "org.knowm.xchart.OnlyInOldXChart", "", Dep.on("demo:chart-helper:1.0"));
        remote.deploy("demo:charty:1.0", "demo.charty.Charty", "public static String v() { return \"charty\"; }",
                Dep.on("org.knowm.xchart:xchart:3.0.0"));
        remote.deploy("demo:gamma:1.0", "demo.gamma.Gamma", "public static int version() { return 1; }");
        remote.deploy("demo:gamma:2.0", "demo.gamma.Gamma", "public static int version() { return 2; }");
        Path settings = remote.settings(dir.resolve("settings.xml"), "*", false, null);
        oldSettings = System.setProperty("visionlab.maven.settings", settings.toString());
        oldLocal = System.setProperty("maven.repo.local", local.toString());
        session = new Session(System.err, OutputCapture.DEFAULT_LIMIT);
        session.awaitReady();
    }

    @AfterAll
    static void stop() {
        session.close();
        restore("visionlab.maven.settings", oldSettings);
        restore("maven.repo.local", oldLocal);
    }

    private static void restore(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }

    static Outcome run(String code, Recorder rec) {
        return session.execute(code, rec);
    }

    static String value(String code, Recorder rec) {
        Outcome o = run(code, rec);
        assertInstanceOf(Outcome.Value.class, o, () -> "cell " + code + " gave " + o + "; stdout " + rec.text("stdout")
                + "; stderr " + rec.text("stderr"));
        return ((Outcome.Value) o).rendered().data().get("text/plain");
    }

    static Outcome.Error error(Outcome o) {
        return assertInstanceOf(Outcome.Error.class, o, () -> "expected an error, got " + o);
    }

    @Test
    void mavenAddsTheArtifactAndItsDependencyForTheRestOfTheCellAndLaterCells() {
        Recorder rec = new Recorder();
        assertEquals("alpha+beta", value("%maven demo:alpha:1.0\ndemo.alpha.Alpha.greet()", rec));
        String out = rec.text("stdout");
        long bytes = jarSize("demo/alpha/1.0/alpha-1.0.jar") + jarSize("demo/beta/1.0/beta-1.0.jar");
        assertTrue(out.contains("added 2 jars (" + MavenMagic.size(bytes) + ") to the class path: alpha-1.0.jar, beta-1.0.jar"), out);
        assertEquals("beta", value("demo.beta.Beta.name()", new Recorder()), "a later cell sees the dependency too");
        assertFalse(Files.exists(Path.of(System.getProperty("user.home"), ".m2", "repository", "demo", "alpha")),
                "nothing was written to ~/.m2");
    }

    private static long jarSize(String path) {
        try {
            return Files.size(local.resolve(path));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aSecondMavenOfTheSameCoordinatesIsANoOpThatDoesNotResolveAgain() throws Exception {
        assertEquals("7", value("%maven demo:again:1.0\ndemo.again.Again.n()", new Recorder()));
        // move the artifact out of both repositories: resolving it again would now fail
        Path hiddenLocal = Files.move(local.resolve("demo/again"), dir.resolve("hidden-local"));
        Path hiddenRemote = Files.move(remote.root.resolve("demo/again"), dir.resolve("hidden-remote"));
        Recorder rec = new Recorder();
        try {
            assertInstanceOf(Outcome.NoValue.class, run("%maven demo:again:1.0", rec), rec.text("stderr"));
        } finally {
            Files.move(hiddenLocal, local.resolve("demo/again"));
            Files.move(hiddenRemote, remote.root.resolve("demo/again"));
        }
        assertEquals("%maven: demo:again:1.0 already added; nothing to do\n", rec.text("stdout"));
        assertEquals("7", value("demo.again.Again.n()", new Recorder()));
    }

    @Test
    void anUnknownArtifactIsAnErrorNamingCoordinatesAndRepositoriesAndAddsNothing() {
        long t0 = System.nanoTime();
        Outcome.Error e = error(run("%maven demo:whole:1.0 demo:missing:4.2\n1 + 1", new Recorder()));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(ms < 5_000, "took " + ms + " ms");
        assertEquals("MavenError", e.ename());
        assertTrue(e.evalue().contains("demo:missing:4.2"), e.evalue());
        assertTrue(e.evalue().contains("repositories tried: local " + local), e.evalue());
        assertTrue(e.evalue().contains("tiny (" + remote.url()), e.evalue());
        // the artifact that did resolve was not added either
        Outcome.Error later = error(run("demo.whole.Whole.n()", new Recorder()));
        assertEquals("CompileError", later.ename());
    }

    @Test
    void aDifferentVersionOfTheKernelsOwnXChartIsReportedAndNotAdded() throws Exception {
        String kernels = pomVersion("org.knowm.xchart", "xchart");
        Recorder rec = new Recorder();
        assertEquals("charty", value("%maven demo:charty:1.0\ndemo.charty.Charty.v()", rec));
        String err = rec.text("stderr");
        assertTrue(err.contains("version conflict: org.knowm.xchart:xchart:3.0.0 is needed, but org.knowm.xchart:xchart:"
                + kernels + " is already on the class path"), err);
        assertTrue(err.contains("not added either, needed only by org.knowm.xchart:xchart:3.0.0: demo:chart-helper:1.0"), err);
        assertTrue(rec.text("stdout").contains("added 1 jar (") && rec.text("stdout").contains(": charty-1.0.jar"), rec.text("stdout"));
        // neither the old jar nor what only it needs is on the class path; the kernel's XChart still works
        assertEquals("CompileError", error(run("new org.knowm.xchart.OnlyInOldXChart()", new Recorder())).ename());
        assertEquals("CompileError", error(run("new demo.helper.Helper()", new Recorder())).ename());
        assertFalse(Files.exists(local.resolve("org/knowm/xchart/xchart/3.0.0/xchart-3.0.0.jar")), "the old jar was not even downloaded");
        assertEquals("XYChart", value("new org.knowm.xchart.XYChart(10, 10).getClass().getSimpleName()", new Recorder()));
    }

    private static String pomVersion(String group, String artifact) throws IOException {
        try (InputStream in = MavenMagicTest.class.getResourceAsStream("/META-INF/maven/" + group + "/" + artifact + "/pom.properties")) {
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        }
    }

    @Test
    void aSecondVersionOfAnArtifactAddedEarlierIsReportedAndTheFirstStays() {
        assertEquals("1", value("%maven demo:gamma:1.0\ndemo.gamma.Gamma.version()", new Recorder()));
        Recorder rec = new Recorder();
        assertEquals("1", value("%maven demo:gamma:2.0\ndemo.gamma.Gamma.version()", rec));
        assertTrue(rec.text("stderr").contains("version conflict: demo:gamma:2.0 is needed, but demo:gamma:1.0 is already on the class path"),
                rec.text("stderr"));
        assertTrue(rec.text("stdout").contains("added 0 jars"), rec.text("stdout"));
    }

    @Test
    void badCoordinatesAndAnEmptyLineAreMagicErrorsThatShowTheForm() {
        Outcome.Error bad = error(run("%maven commons-math3", new Recorder()));
        assertEquals("MagicError", bad.ename());
        assertTrue(bad.evalue().contains("group:artifact:version") && bad.evalue().contains("commons-math3"), bad.evalue());
        Outcome.Error empty = error(run("%maven", new Recorder()));
        assertEquals("MagicError", empty.ename());
        assertTrue(empty.evalue().contains(MavenMagic.EXAMPLE), empty.evalue());
        assertEquals("MagicError", error(run("%maven --repo ftp://x demo:alpha:1.0", new Recorder())).ename());
    }
}
