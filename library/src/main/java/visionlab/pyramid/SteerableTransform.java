package visionlab.pyramid;

import visionlab.fourier.Fft2;

/**
 * Analysis and synthesis of one image plane with the cached {@link SteerableMasks}: the orthonormal DFT,
 * masks, crops to each level's grid, inverse DFTs. Two real outputs share one complex inverse DFT
 * ({@code ifft(M1 X + i M2 X) = b1 + i b2} because each {@code M X} is Hermitian), and in synthesis one
 * forward DFT of {@code b1 + i b2} is split back by Hermitian symmetry.
 */
final class SteerableTransform {

    private SteerableTransform() {
    }

    // (-i)^p as (re, im)
    private static final float[] PR = {1, 0, -1, 0};
    private static final float[] PI = {0, -1, 0, 1};

    /**
     * Fills {@code out[level][2 * entry]} (real part) and {@code out[level][2 * entry + 1]} (imaginary part,
     * complex entries only) with the coefficients of {@code plane}.
     */
    static void analyze(float[] plane, SteerableMasks mk, float[][][] out) {
        int bigW = mk.width;
        float[] spec = Fft2.forwardReal(plane, bigW, mk.height);
        for (int s = 0; s < mk.levels.size(); s++) {
            SteerableMasks.Level lv = mk.levels.get(s);
            float fs = (float) (double) mk.levelScale.get(s);
            int n = lv.w * lv.h;
            int e = 0;
            int count = lv.entries.size();
            while (e < count) {
                SteerableMasks.Entry e1 = lv.entries.get(e);
                SteerableMasks.Entry e2 = null;
                if (!e1.complexOutput && e + 1 < count && !lv.entries.get(e + 1).complexOutput) {
                    e2 = lv.entries.get(e + 1);
                }
                float[] z = new float[2 * n];
                gather(spec, bigW, lv, e1, e2, z);
                Fft2.inverse(z, lv.w, lv.h);
                float[] re = out[s][2 * e];
                float[] im = e2 != null ? out[s][2 * e + 2] : (e1.complexOutput ? out[s][2 * e + 1] : null);
                for (int i = 0; i < n; i++) {
                    re[i] = fs * z[2 * i];
                }
                if (im != null) {
                    for (int i = 0; i < n; i++) {
                        im[i] = fs * z[2 * i + 1];
                    }
                }
                e += e2 != null ? 2 : 1;
            }
        }
    }

    /** z(k) = X(map k) * (c1(k) + i c2(k)), c = (-i)^p m. */
    private static void gather(float[] spec, int bigW, SteerableMasks.Level lv, SteerableMasks.Entry e1,
                               SteerableMasks.Entry e2, float[] z) {
        float[] m1 = e1.m;
        float p1r = PR[e1.phase];
        float p1i = PI[e1.phase];
        float[] m2 = e2 != null ? e2.m : null;
        float p2r = e2 != null ? PR[e2.phase] : 0;
        float p2i = e2 != null ? PI[e2.phase] : 0;
        int w = lv.w;
        for (int y = 0; y < lv.h; y++) {
            int srow = lv.rows[y] * bigW;
            int o = y * w;
            for (int x = 0; x < w; x++) {
                int i = o + x;
                float a = m1[i];
                float qr = p1r * a;
                float qi = p1i * a;
                if (m2 != null) {
                    float b = m2[i];
                    qr -= p2i * b;
                    qi += p2r * b;
                }
                if (qr == 0 && qi == 0) {
                    continue;
                }
                int k = 2 * (srow + lv.cols[x]);
                float xr = spec[k];
                float xi = spec[k + 1];
                z[2 * i] = xr * qr - xi * qi;
                z[2 * i + 1] = xr * qi + xi * qr;
            }
        }
    }

    /** The plane whose coefficients are {@code in} (same layout as {@link #analyze}): the adjoint, which for
     * this tight frame is the inverse. */
    static float[] synthesize(SteerableMasks mk, float[][][] in) {
        int bigW = mk.width;
        int bigH = mk.height;
        float[] acc = new float[2 * bigW * bigH];
        for (int s = 0; s < mk.levels.size(); s++) {
            SteerableMasks.Level lv = mk.levels.get(s);
            float g = (float) (1.0 / mk.levelScale.get(s));
            int n = lv.w * lv.h;
            int e = 0;
            int count = lv.entries.size();
            while (e < count) {
                SteerableMasks.Entry e1 = lv.entries.get(e);
                SteerableMasks.Entry e2 = null;
                if (!e1.complexOutput && e + 1 < count && !lv.entries.get(e + 1).complexOutput) {
                    e2 = lv.entries.get(e + 1);
                }
                float[] z = new float[2 * n];
                float[] re = in[s][2 * e];
                float[] im = e2 != null ? in[s][2 * e + 2] : (e1.complexOutput ? in[s][2 * e + 1] : null);
                for (int i = 0; i < n; i++) {
                    z[2 * i] = re[i];
                }
                if (im != null) {
                    for (int i = 0; i < n; i++) {
                        z[2 * i + 1] = im[i];
                    }
                }
                Fft2.forward(z, lv.w, lv.h);
                scatter(z, lv, e1, e2, g, acc, bigW);
                e += e2 != null ? 2 : 1;
            }
        }
        Fft2.inverse(acc, bigW, bigH);
        float[] out = new float[bigW * bigH];
        for (int i = 0; i < out.length; i++) {
            out[i] = acc[2 * i];
        }
        return out;
    }

    /** acc(map k) += g (conj(c1) A(k) + conj(c2) B(k)), A and B the spectra of the real and imaginary part
     * of the transformed pair (or A = Z when there is no partner). */
    private static void scatter(float[] z, SteerableMasks.Level lv, SteerableMasks.Entry e1,
                                SteerableMasks.Entry e2, float g, float[] acc, int bigW) {
        float[] m1 = e1.m;
        float p1r = PR[e1.phase];
        float p1i = PI[e1.phase];
        float[] m2 = e2 != null ? e2.m : null;
        float p2r = e2 != null ? PR[e2.phase] : 0;
        float p2i = e2 != null ? PI[e2.phase] : 0;
        int w = lv.w;
        int h = lv.h;
        for (int y = 0; y < h; y++) {
            int my = (h - y) % h;
            int drow = lv.rows[y] * bigW;
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                float a1 = m1[i] * g;
                float a2 = m2 != null ? m2[i] * g : 0;
                if (a1 == 0 && a2 == 0) {
                    continue;
                }
                float zr = z[2 * i];
                float zi = z[2 * i + 1];
                float ar;
                float ai;
                float br = 0;
                float bi = 0;
                if (m2 != null) {
                    int j = my * w + (w - x) % w;
                    float cr = z[2 * j];
                    float ci = z[2 * j + 1];
                    ar = 0.5f * (zr + cr);
                    ai = 0.5f * (zi - ci);
                    br = 0.5f * (zi + ci);
                    bi = -0.5f * (zr - cr);
                } else {
                    ar = zr;
                    ai = zi;
                }
                // conj(c) = (pr m, -pi m)
                float c1r = p1r * a1;
                float c1i = -p1i * a1;
                float vr = c1r * ar - c1i * ai;
                float vi = c1r * ai + c1i * ar;
                if (m2 != null) {
                    float c2r = p2r * a2;
                    float c2i = -p2i * a2;
                    vr += c2r * br - c2i * bi;
                    vi += c2r * bi + c2i * br;
                }
                int k = 2 * (drow + lv.cols[x]);
                acc[k] += vr;
                acc[k + 1] += vi;
            }
        }
    }
}
