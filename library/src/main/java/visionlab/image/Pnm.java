package visionlab.image;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/** Netpbm reader: PGM and PPM, plain (P2, P3) and raw (P5, P6), 8 or 16 bits; PBM (P1, P4) too. */
final class Pnm {

    private Pnm() {
    }

    static Image read(InputStream in, String name) throws IOException {
        if (in.read() != 'P') {
            throw new IOException("not a PNM file");
        }
        int kind = in.read() - '0';
        if (kind < 1 || kind > 6) {
            throw new IOException("unknown PNM kind P" + kind);
        }
        int w = header(in);
        int h = header(in);
        int max = (kind == 1 || kind == 4) ? 1 : header(in);
        if (w < 1 || h < 1 || max < 1 || max > 65535) {
            throw new IOException("bad PNM header: width " + w + ", height " + h + ", maxval " + max);
        }
        if ((long) w * h > 1L << 28) {
            throw new IOException("PNM size " + w + "x" + h + " is too large");
        }
        int ch = (kind == 3 || kind == 6) ? 3 : 1;
        Image im = Image.zeros(w, h, ch);
        float scale = 1f / max;
        int n = w * h;
        if (kind == 4) {
            int rowBytes = (w + 7) / 8;
            byte[] row = new byte[rowBytes];
            for (int y = 0; y < h; y++) {
                readFully(in, row);
                for (int x = 0; x < w; x++) {
                    int bit = (row[x >> 3] >> (7 - (x & 7))) & 1;
                    im.plane(0)[y * w + x] = 1 - bit; // 1 is black in PBM
                }
            }
            return im;
        }
        if (kind == 5 || kind == 6) {
            int bytes = max < 256 ? 1 : 2;
            byte[] data = new byte[n * ch * bytes];
            readFully(in, data);
            for (int i = 0; i < n; i++) {
                for (int c = 0; c < ch; c++) {
                    int k = (i * ch + c) * bytes;
                    int v = bytes == 1 ? data[k] & 255 : ((data[k] & 255) << 8) | (data[k + 1] & 255);
                    im.plane(c)[i] = v * scale;
                }
            }
            return im;
        }
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < ch; c++) {
                int v = header(in);
                im.plane(c)[i] = kind == 1 ? 1 - v : v * scale;
            }
        }
        return im;
    }

    private static void readFully(InputStream in, byte[] b) throws IOException {
        int off = 0;
        while (off < b.length) {
            int r = in.read(b, off, b.length - off);
            if (r < 0) {
                throw new EOFException("truncated PNM data: expected " + b.length + " bytes, got " + off);
            }
            off += r;
        }
    }

    /** Next ASCII integer, skipping white space and # comments; consumes one white-space byte after it. */
    private static int header(InputStream in) throws IOException {
        int c = in.read();
        while (true) {
            if (c == '#') {
                while (c != '\n' && c != '\r' && c != -1) {
                    c = in.read();
                }
            } else if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                c = in.read();
            } else {
                break;
            }
        }
        if (c < '0' || c > '9') {
            throw new EOFException(c == -1 ? "truncated PNM file" : "bad PNM data: expected a number");
        }
        long v = 0;
        while (c >= '0' && c <= '9') {
            v = v * 10 + (c - '0');
            if (v > Integer.MAX_VALUE) {
                throw new IOException("PNM number too large");
            }
            c = in.read();
        }
        return (int) v;
    }
}
