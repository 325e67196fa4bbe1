package visionlab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kernel.json is valid JSON with the fields Jupyter needs and an absolute, existing class path. */
class InstallerTest {

    @Test
    void kernelJsonHasArgvInterruptModeAndDisplayName(@TempDir Path dir) throws Exception {
        String cp = System.getProperty("java.class.path");
        Path json = Installer.install(dir, "visionlab", cp, null);
        assertEquals(dir.resolve("kernels/visionlab/kernel.json"), json);
        JsonObject spec = JsonParser.parseString(Files.readString(json)).getAsJsonObject();
        assertEquals("message", spec.get("interrupt_mode").getAsString());
        assertEquals("java", spec.get("language").getAsString());
        assertEquals("VisionLab (Java " + Runtime.version().feature() + ")", spec.get("display_name").getAsString());
        List<String> argv = new ArrayList<>();
        spec.getAsJsonArray("argv").forEach(e -> argv.add(e.getAsString()));
        assertTrue(Path.of(argv.get(0)).isAbsolute() && Files.isExecutable(Path.of(argv.get(0))), argv.get(0));
        assertTrue(argv.contains("-Djava.awt.headless=true"));
        assertEquals(cp, argv.get(argv.indexOf("-cp") + 1));
        assertEquals(List.of("visionlab.kernel.Main", "-f", "{connection_file}"), argv.subList(argv.size() - 3, argv.size()));
        Path index = json.resolveSibling("visionlab-classpath.index");
        assertTrue(argv.contains("-D" + ClassPathIndex.PROPERTY + "=" + index), argv.toString());
        String xchart = java.util.Arrays.stream(Executor.classPath().split(java.io.File.pathSeparator))
                .filter(e -> e.contains("xchart-")).findFirst().orElseThrow();
        assertTrue(ClassPathIndex.read(index).packages(Path.of(xchart)).contains("org.knowm.xchart"), Files.readString(index));
    }

    @Test
    void quotingSurvivesBackslashesAndQuotes() {
        String s = "C:\\a \"b\"\n";
        assertEquals(s, JsonParser.parseString(Installer.quote(s)).getAsString());
    }

    @Test
    void libraryPackagesAreFoundOnTheClassPath() {
        List<String> pkgs = Session.libraryPackages(System.getProperty("java.class.path"));
        assertTrue(pkgs.contains("visionlab.image") && pkgs.contains("visionlab.show"), pkgs.toString());
        assertTrue(pkgs.stream().noneMatch(p -> p.startsWith("visionlab.kernel")), pkgs.toString());
    }
}
