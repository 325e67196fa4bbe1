package visionlab.kernel;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/**
 * {@code ./lab run FILE.jsh [--out DIR]} ({@code java -cp 'visionlab-kernel.jar:lib/*' visionlab.kernel.Main run ...}):
 * runs a JShell script the way a notebook
 * cell runs (the library imported, magics allowed), in a terminal. Printed text goes to the terminal;
 * every picture shown (the script's final value, {@code display(x)}, {@code Show.show(x)}) is written as a
 * PNG into DIR (default {@code ./out}) and its path printed. The first error stops the script with its
 * message and exit code 1.
 */
final class ScriptRunner {

    private ScriptRunner() {
    }

    static int run(String[] args) throws IOException {
        if (args.length < 1) {
            throw new IllegalArgumentException("run: expected FILE.jsh [--out DIR], got nothing");
        }
        Path file = Path.of(args[0]);
        Path out = Path.of("out");
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--out") && i + 1 < args.length) {
                out = Path.of(args[++i]);
            } else {
                throw new IllegalArgumentException("run: unknown option '" + args[i] + "'; expected --out DIR");
            }
        }
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("run: no such file: " + file);
        }
        String code = Files.readString(file, StandardCharsets.UTF_8);
        PrintStream terminal = new PrintStream(new FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream terminalErr = new PrintStream(new FileOutputStream(java.io.FileDescriptor.err), true, StandardCharsets.UTF_8);
        Path folder = out;
        int[] count = {0};
        Frontend frontend = new Frontend() {
            @Override
            public void stream(String name, String text) {
                (name.equals("stderr") ? terminalErr : terminal).print(text);
            }

            @Override
            public void display(Rendered output, String displayId, boolean update) {
                String text = output.data().getOrDefault("text/plain", "");
                String png = output.data().get("image/png");
                if (png == null) {
                    terminal.println(text);
                    return;
                }
                try {
                    Files.createDirectories(folder);
                    Path f = folder.resolve(String.format("%s-%02d.png", baseName(file), ++count[0]));
                    Files.write(f, Base64.getMimeDecoder().decode(png));
                    terminal.println(text + " -> " + f);
                } catch (IOException e) {
                    terminalErr.println("could not write a PNG: " + e.getMessage());
                }
            }
        };
        try (Session session = new Session(terminalErr, 64L << 20)) {
            Outcome o = session.execute(code, frontend);
            if (o instanceof Outcome.Value v) {
                frontend.display(v.rendered(), null, false);
            } else if (o instanceof Outcome.Error e) {
                for (String line : e.traceback()) {
                    terminalErr.println(line);
                }
                return 1;
            }
            return 0;
        }
    }

    private static String baseName(Path file) {
        String n = file.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }
}
