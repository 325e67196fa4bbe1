package visionlab.show;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/** One PNG chunk: 4-byte length, 4-letter type, data, CRC-32 of type and data (PNG spec, section 5.3). */
public final class PngChunk {

    private PngChunk() {
    }

    /** Appends the chunk {@code type} (four ASCII letters) holding {@code data} to {@code out}. */
    public static void write(ByteArrayOutputStream out, String type, byte[] data) {
        if (type == null || type.length() != 4) {
            throw new IllegalArgumentException("type: expected four letters, got " + type);
        }
        byte[] t = type.getBytes(StandardCharsets.ISO_8859_1);
        putInt(out, data.length);
        out.writeBytes(t);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        putInt(out, (int) crc.getValue());
    }

    private static void putInt(ByteArrayOutputStream out, int v) {
        out.write(v >>> 24);
        out.write(v >>> 16);
        out.write(v >>> 8);
        out.write(v);
    }
}
