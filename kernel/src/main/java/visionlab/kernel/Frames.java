package visionlab.kernel;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The executor's output channel (a local socket, executor to kernel): one frame per event, in the order
 * the executor produced them, so text printed before {@code display(x)} arrives before it. A frame is a
 * kind byte and its fields; strings are UTF-8 with an int length (no 64 KB limit).
 */
final class Frames {

    /** Text on System.out: {@code int n, n bytes}. */
    static final byte STDOUT = 'O';
    /** Text on System.err: {@code int n, n bytes}. */
    static final byte STDERR = 'E';
    /** A new output: {@code id, rendered}. */
    static final byte DISPLAY = 'D';
    /** Replaces the output {@code id}: {@code id, rendered}. */
    static final byte UPDATE = 'U';
    /** End of a cell: {@code int seq, byte status (0 no value, 1 value, 2 render error), rendered | message}. */
    static final byte RESULT = 'R';

    static final byte NO_VALUE = 0;
    static final byte VALUE = 1;
    static final byte RENDER_ERROR = 2;

    private Frames() {
    }

    static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    static String readString(DataInputStream in) throws IOException {
        byte[] b = new byte[in.readInt()];
        in.readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }

    /** MIME data, then per-type integer metadata (the PNG's width and height). */
    static void writeRendered(DataOutputStream out, Rendered r) throws IOException {
        out.writeInt(r.data().size());
        for (Map.Entry<String, String> e : r.data().entrySet()) {
            writeString(out, e.getKey());
            writeString(out, e.getValue());
        }
        out.writeInt(r.metadata().size());
        for (Map.Entry<String, Object> e : r.metadata().entrySet()) {
            writeString(out, e.getKey());
            @SuppressWarnings("unchecked")
            Map<String, Object> m = e.getValue() instanceof Map<?, ?> ? (Map<String, Object>) e.getValue() : Map.of();
            out.writeInt(m.size());
            for (Map.Entry<String, Object> f : m.entrySet()) {
                writeString(out, f.getKey());
                out.writeInt(((Number) f.getValue()).intValue());
            }
        }
    }

    static Rendered readRendered(DataInputStream in) throws IOException {
        Map<String, String> data = new LinkedHashMap<>();
        for (int n = in.readInt(); n > 0; n--) {
            data.put(readString(in), readString(in));
        }
        Map<String, Object> meta = new LinkedHashMap<>();
        for (int n = in.readInt(); n > 0; n--) {
            String mime = readString(in);
            Map<String, Object> m = new LinkedHashMap<>();
            for (int k = in.readInt(); k > 0; k--) {
                m.put(readString(in), in.readInt());
            }
            meta.put(mime, m);
        }
        return new Rendered(data, meta);
    }
}
