package visionlab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `lab run FILE.jsh`: a script runs like a cell, pictures become PNG files, the first error fails it. */
class ScriptRunnerTest {

    @TempDir
    Path tmp;

    @Test
    void aScriptWritesItsPicturesAndAnErrorStopsItWithExitCodeOne() throws Exception {
        Path ok = tmp.resolve("ok.jsh");
        Files.writeString(ok, "var img = Image.zeros(40, 30);\nShow.show(img);\nimg.plus(0.5)\n");
        Path out = tmp.resolve("out");
        assertEquals(0, ScriptRunner.run(new String[] {ok.toString(), "--out", out.toString()}));
        for (String name : new String[] {"ok-01.png", "ok-02.png"}) {
            var im = ImageIO.read(new ByteArrayInputStream(Files.readAllBytes(out.resolve(name))));
            assertTrue(im.getWidth() >= 40, name); // small images are zoomed up for display
        }

        Path bad = tmp.resolve("bad.jsh");
        Files.writeString(bad, "Files.writeString(Path.of(\"" + tmp.resolve("before.txt") + "\"), \"x\");\n"
                + "int z = 1 / 0;\nFiles.writeString(Path.of(\"" + tmp.resolve("after.txt") + "\"), \"x\");\n");
        assertEquals(1, ScriptRunner.run(new String[] {bad.toString(), "--out", out.toString()}));
        assertTrue(Files.exists(tmp.resolve("before.txt")));
        assertTrue(!Files.exists(tmp.resolve("after.txt")), "the script stops at the first error");

        assertThrows(IllegalArgumentException.class, () -> ScriptRunner.run(new String[] {ok.toString(), "--out"}));
        assertThrows(IllegalArgumentException.class, () -> ScriptRunner.run(new String[] {tmp.resolve("none.jsh").toString()}));
    }
}
