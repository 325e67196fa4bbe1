package visionlab.motion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;
import visionlab.image.Image;

class PhaseMagnifyTest {

    static final double FPS = 30;
    static final double LO = 1.5;
    static final double HI = 8.0 / 3; // centre sqrt(LO HI) = 2 Hz
    static final int W = 64;
    static final int H = 48;

    /** A soft disk (radius 8 at (20, 24)) moved by d(t) in x, and a still textured blob at (50, 24). */
    static Image diskFrame(double d) {
        return Image.fromFunction(W, H, (x, y) -> {
            double r = Math.hypot(x - 20 - d, y - 24);
            double disk = 0.6 / (1 + Math.exp((r - 8) / 0.8));
            double g = Math.exp(-((x - 50) * (x - 50) + (y - 24) * (y - 24)) / (2 * 5.0 * 5.0));
            return 0.2 + disk + 0.2 * g * Math.cos(0.9 * x + 0.4 * y);
        });
    }

    static Clip diskClip(int frames, double amp, double hz) {
        List<Image> f = new ArrayList<>();
        for (int t = 0; t < frames; t++) {
            f.add(diskFrame(amp * Math.sin(2 * Math.PI * hz * t / FPS)));
        }
        return Clip.of(f, FPS);
    }

    /** Displacement in x of the disk's window (x in [0, 40)) against the still disk: the least-squares shift
     * of the linearised model I_t = I_0 - d g, g = dI_0/dx (central differences). */
    static double[] shift(Clip c) {
        Image ref = diskFrame(0);
        double[] out = new double[c.size()];
        for (int t = 0; t < c.size(); t++) {
            Image f = c.frames().get(t);
            double num = 0;
            double den = 0;
            for (int y = 1; y < H - 1; y++) {
                for (int x = 1; x < 40; x++) {
                    double g = (ref.get(x + 1, y) - ref.get(x - 1, y)) / 2;
                    num += (f.get(x, y) - ref.get(x, y)) * g;
                    den += g * g;
                }
            }
            out[t] = -num / den;
        }
        return out;
    }

    /** Least-squares amplitudes of sin/cos pairs at {@code hz} (plus a constant) over frames [t0, t1). */
    static double[] amplitudes(double[] x, int t0, int t1, double... hz) {
        int p = 1 + 2 * hz.length;
        double[][] a = new double[p][p + 1];
        for (int t = t0; t < t1; t++) {
            double[] row = new double[p];
            row[0] = 1;
            for (int k = 0; k < hz.length; k++) {
                row[1 + 2 * k] = Math.sin(2 * Math.PI * hz[k] * t / FPS);
                row[2 + 2 * k] = Math.cos(2 * Math.PI * hz[k] * t / FPS);
            }
            for (int i = 0; i < p; i++) {
                for (int j = 0; j < p; j++) {
                    a[i][j] += row[i] * row[j];
                }
                a[i][p] += row[i] * x[t];
            }
        }
        for (int i = 0; i < p; i++) { // Gauss-Jordan
            int piv = i;
            for (int r = i + 1; r < p; r++) {
                if (Math.abs(a[r][i]) > Math.abs(a[piv][i])) {
                    piv = r;
                }
            }
            double[] tmp = a[i];
            a[i] = a[piv];
            a[piv] = tmp;
            for (int r = 0; r < p; r++) {
                if (r != i) {
                    double m = a[r][i] / a[i][i];
                    for (int j = i; j <= p; j++) {
                        a[r][j] -= m * a[i][j];
                    }
                }
            }
        }
        double[] amp = new double[hz.length];
        for (int k = 0; k < hz.length; k++) {
            amp[k] = Math.hypot(a[1 + 2 * k][p] / a[1 + 2 * k][1 + 2 * k], a[2 + 2 * k][p] / a[2 + 2 * k][2 + 2 * k]);
        }
        return amp;
    }

    static Clip magnify(Clip c, TemporalFilter f, double alpha) {
        return MotionMagnify.phase(c).alpha(alpha).band(LO, HI).filter(f).octaves(Octaves.HALF).run();
    }

    @Test
    void everyFilterMagnifiesTheDiskLikeTheIdealFilterAndLeavesTheStillRegionUnchanged() {
        Clip in = diskClip(150, 0.2, 2);
        double alpha = 5;
        double aIn = amplitudes(shift(in), 45, 105, 2)[0];
        assertEquals(0.2, aIn, 0.01, "the shift measures the input motion");
        double ideal = 0;
        for (TemporalFilter f : new TemporalFilter[] {TemporalFilter.IDEAL, TemporalFilter.FIR, TemporalFilter.IIR,
                TemporalFilter.BUTTERWORTH}) {
            Clip out = magnify(in, f, alpha);
            assertEquals(in.size(), out.size());
            double a = amplitudes(shift(out), 45, 105, 2)[0];
            if (f == TemporalFilter.IDEAL) {
                ideal = a;
                assertTrue(a > 2.5 * aIn, "ideal magnifies " + a / aIn + "x");
            } else {
                assertEquals(ideal, a, 0.15 * ideal, f + " vs ideal");
            }
            for (int t = 0; t < in.size(); t += 7) {
                double diff = out.frames().get(t).crop(44, 14, 14, 20).minus(in.frames().get(t).crop(44, 14, 14, 20)).maxAbs();
                assertTrue(diff < 0.01, f + ": still region changed by " + diff + " at frame " + t);
            }
        }
    }

    @Test
    void aGratingAtABandPeakMovesByOnePlusAlphaWithEveryFilter() {
        Clip in = gratingClip(t -> 0.2 * Math.sin(2 * Math.PI * 2 * t / FPS), 150);
        double alpha = 4;
        for (TemporalFilter filter : TemporalFilter.values()) {
            double gain = amplitudes(gratingShift(magnify(in, filter, alpha)), 45, 105, 2)[0] / 0.2;
            assertEquals(1 + alpha, gain, 0.05 * (1 + alpha), filter + ": gain on the grating");
        }
    }

    @Test
    void outOfBandDriftIsNotMagnified() {
        Clip in = diskClip(200, 0.5, 0.3); // 0.3 Hz: two periods in the clip
        double aIn = amplitudes(shift(in), 50, 150, 0.3)[0];
        double alpha = 5;
        for (TemporalFilter f : TemporalFilter.values()) {
            double a = amplitudes(shift(magnify(in, f, alpha)), 50, 150, 0.3)[0];
            if (f == TemporalFilter.IIR) { // first-order skirts: documented leakage, still far below 1 + alpha
                assertTrue(a / aIn < 0.5 * (1 + alpha), "IIR drift gain " + a / aIn);
            } else {
                assertEquals(1, a / aIn, 0.15, f + ": drift gain");
            }
        }
    }

    static final int GW = 64;
    static final double OM = 2 * Math.PI * 11 / GW; // near band 2's peak pi 2^-1.5 of the half-octave pyramid

    /** A grating cos(OM (x - d_t)), 64x32: all of its energy in one radial band. */
    static Clip gratingClip(java.util.function.IntToDoubleFunction d, int frames) {
        List<Image> f = new ArrayList<>();
        for (int t = 0; t < frames; t++) {
            double dt = d.applyAsDouble(t);
            f.add(Image.fromFunction(GW, 32, (x, y) -> 0.5 + 0.3 * Math.cos(OM * (x - dt))));
        }
        return Clip.of(f, FPS);
    }

    /** The grating's displacement from the phase of its projection on e^{i OM x}, relative to frame 0. */
    static double[] gratingShift(Clip c) {
        double[] d = new double[c.size()];
        double[] ref = null;
        for (int t = 0; t < c.size(); t++) {
            double re = 0;
            double im = 0;
            Image o = c.frames().get(t);
            for (int y = 0; y < o.height(); y++) {
                for (int x = 0; x < GW; x++) {
                    re += (o.get(x, y) - 0.5) * Math.cos(OM * x);
                    im += (o.get(x, y) - 0.5) * Math.sin(OM * x);
                }
            }
            if (ref == null) {
                ref = new double[] {re, im};
            }
            d[t] = Math.atan2(im * ref[0] - re * ref[1], re * ref[0] + im * ref[1]) / OM;
        }
        return d;
    }

    @Test
    void attenuateOthersRemovesTheDriftAndKeepsTheBandMagnified() {
        Clip in = gratingClip(t -> 0.2 * Math.sin(2 * Math.PI * 2 * t / FPS) + 0.5 * Math.sin(2 * Math.PI * 0.3 * t / FPS),
                200);
        double[] aIn = amplitudes(gratingShift(in), 50, 150, 2, 0.3);
        Clip plain = MotionMagnify.phase(in).alpha(4).band(LO, HI).filter(TemporalFilter.BUTTERWORTH).run();
        Clip att = MotionMagnify.phase(in).alpha(4).band(LO, HI).filter(TemporalFilter.BUTTERWORTH).attenuateOthers(true).run();
        double[] aPlain = amplitudes(gratingShift(plain), 50, 150, 2, 0.3);
        double[] aAtt = amplitudes(gratingShift(att), 50, 150, 2, 0.3);
        assertEquals(1, aPlain[1] / aIn[1], 0.1, "without attenuation the drift stays");
        assertTrue(aAtt[1] / aIn[1] < 0.05, "attenuated drift gain " + aAtt[1] / aIn[1]);
        assertEquals(5, aAtt[0] / aIn[0], 0.25, "band motion magnified by 1 + alpha");
        assertEquals(5, aPlain[0] / aIn[0], 0.25, "band motion magnified by 1 + alpha");
    }

    @Test
    void amplitudeWeightedPhaseSmoothingReducesMagnifiedNoise() {
        Random r = new Random(5);
        Image still = diskFrame(0);
        List<Image> f = new ArrayList<>();
        for (int t = 0; t < 60; t++) {
            f.add(still.plus(Image.fromFunction(W, H, (x, y) -> 0.01 * r.nextGaussian())));
        }
        Clip in = Clip.of(f, FPS);
        double raw = temporalVariance(MotionMagnify.phase(in).alpha(2).band(LO, HI).run(), in);
        double s2 = temporalVariance(MotionMagnify.phase(in).alpha(2).band(LO, HI).smoothPhase(2).run(), in);
        double s4 = temporalVariance(MotionMagnify.phase(in).alpha(2).band(LO, HI).smoothPhase(4).run(), in);
        assertTrue(s2 < 0.5 * raw, "noise added by magnification, sigma 2: " + s2 + ", none: " + raw);
        assertTrue(s4 < 0.6 * s2, "sigma 4: " + s4 + ", sigma 2: " + s2);
    }

    @Test
    void phaseSmoothingKeepsTheMagnificationOfAUniformMotion() {
        Clip in = gratingClip(t -> 0.2 * Math.sin(2 * Math.PI * 2 * t / FPS), 150);
        Clip out = MotionMagnify.phase(in).alpha(4).band(LO, HI).smoothPhase(3).run();
        assertEquals(5, amplitudes(gratingShift(out), 45, 105, 2)[0] / 0.2, 0.25);
    }

    /** Mean over pixels of the temporal variance of (out - in) from frame 20 on: the noise magnification adds. */
    static double temporalVariance(Clip c, Clip in) {
        int n = c.size();
        double v = 0;
        for (int i = 0; i < W * H; i++) {
            double s = 0;
            double ss = 0;
            for (int t = 20; t < n; t++) {
                double x = c.frames().get(t).plane(0)[i] - in.frames().get(t).plane(0)[i];
                s += x;
                ss += x * x;
            }
            int m = n - 20;
            v += ss / m - (s / m) * (s / m);
        }
        return v / (W * H);
    }

    @Test
    void colourClipsChangeTheLuminanceAndKeepTheChrominance() {
        List<Image> f = new ArrayList<>();
        for (int t = 0; t < 40; t++) {
            Image g = diskFrame(0.3 * Math.sin(2 * Math.PI * 2 * t / FPS));
            f.add(Image.stack(g, g.times(0.5).plus(0.2), g.map(v -> 1 - v)));
        }
        Clip in = Clip.of(f, FPS);
        Clip out = MotionMagnify.phase(in).alpha(8).band(LO, HI).run();
        double dy = 0;
        for (int t = 0; t < 40; t++) {
            Image a = in.frames().get(t);
            Image b = out.frames().get(t);
            assertEquals(3, b.channels());
            for (int i = 0; i < W * H; i++) {
                double[] p = yiq(a, i);
                double[] q = yiq(b, i);
                assertEquals(p[1], q[1], 1e-5, "I");
                assertEquals(p[2], q[2], 1e-5, "Q");
                dy = Math.max(dy, Math.abs(p[0] - q[0]));
            }
        }
        assertTrue(dy > 0.02, "luminance changed by " + dy);
    }

    static double[] yiq(Image img, int i) {
        double r = img.plane(0)[i];
        double g = img.plane(1)[i];
        double b = img.plane(2)[i];
        return new double[] {0.299 * r + 0.587 * g + 0.114 * b, 0.596 * r - 0.274 * g - 0.322 * b,
            0.211 * r - 0.523 * g + 0.312 * b};
    }

    @Test
    void alphaZeroLeavesTheClipUnchanged() {
        Clip in = diskClip(30, 0.3, 2);
        for (TemporalFilter f : TemporalFilter.values()) {
            Clip out = MotionMagnify.phase(in).alpha(0).band(LO, HI).filter(f).run();
            for (int t = 0; t < in.size(); t++) {
                assertTrue(out.frames().get(t).minus(in.frames().get(t)).maxAbs() < 1e-4, f + " frame " + t);
            }
        }
    }

    @Test
    void streamingKeepsTheHeapFlatOver2000Frames() {
        for (TemporalFilter f : new TemporalFilter[] {TemporalFilter.BUTTERWORTH, TemporalFilter.IIR}) {
            long[] used = new long[2];
            FrameSource src = FrameSource.generate(2000, FPS, t -> smallDisk(0.2 * Math.sin(2 * Math.PI * 2 * t / FPS)));
            int[] n = new int[1];
            MotionMagnify.phase(src).alpha(10).band(LO, HI).filter(f).run(new FrameSink() {
                @Override
                public void accept(Image frame) {
                    n[0]++;
                    if (n[0] == 200) {
                        used[0] = usedAfterGc();
                    } else if (n[0] == 2000) {
                        used[1] = usedAfterGc();
                    }
                }

                @Override
                public void finish() {
                }

                @Override
                public void close() {
                }
            });
            assertEquals(2000, n[0]);
            long growth = used[1] - used[0];
            assertTrue(growth < 1_000_000, f + ": retained heap grew by " + growth + " bytes from frame 200 to 2000");
        }
        // the measurement sees retention: keeping 1800 magnified 32x32 frames (7.4 MB of samples) shows up
        List<Image> kept = new ArrayList<>();
        long[] used = new long[2];
        FrameSource src = FrameSource.generate(2000, FPS, t -> smallDisk(0));
        MotionMagnify.phase(src).alpha(10).band(LO, HI).run(new FrameSink() {
            @Override
            public void accept(Image frame) {
                kept.add(frame);
                if (kept.size() == 200) {
                    used[0] = usedAfterGc();
                } else if (kept.size() == 2000) {
                    used[1] = usedAfterGc();
                }
            }

            @Override
            public void finish() {
            }

            @Override
            public void close() {
            }
        });
        assertTrue(used[1] - used[0] > 5_000_000, "retention measured as " + (used[1] - used[0]));
    }

    static Image smallDisk(double d) {
        return Image.fromFunction(32, 32, (x, y) -> 0.6 / (1 + Math.exp((Math.hypot(x - 16 - d, y - 16) - 6) / 1.5)));
    }

    static long usedAfterGc() {
        MemoryMXBean m = ManagementFactory.getMemoryMXBean();
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            best = Math.min(best, m.getHeapMemoryUsage().getUsed());
        }
        return best;
    }

    @Test
    void badSettingsAreRejectedWithTheArgumentNamed() {
        Clip in = diskClip(10, 0.2, 2);
        assertTrue(msg(() -> MotionMagnify.phase(in).band(0, 2)).startsWith("lowHz"));
        assertTrue(msg(() -> MotionMagnify.phase(in).band(1, 15)).startsWith("highHz"));
        assertTrue(msg(() -> MotionMagnify.phase(in).band(3, 2)).startsWith("highHz"));
        assertTrue(msg(() -> MotionMagnify.phase(in).band(-1, 2)).startsWith("lowHz"));
        assertTrue(msg(() -> MotionMagnify.phase(in).alpha(-0.5)).startsWith("alpha"));
        assertTrue(msg(() -> MotionMagnify.phase(in).alpha(Double.POSITIVE_INFINITY)).startsWith("alpha"));
        assertTrue(msg(() -> MotionMagnify.phase(in).smoothPhase(-1)).startsWith("sigma"));
        assertTrue(msg(() -> MotionMagnify.phase(in).filter(null)).startsWith("filter"));
        assertTrue(msg(() -> MotionMagnify.phase(in).orientations(1)).startsWith("orientations"));
        assertTrue(msg(() -> MotionMagnify.phase((Clip) null)).startsWith("clip"));
        assertThrows(IllegalStateException.class, () -> MotionMagnify.phase(in).run());
        // frames of different sizes in a stream
        FrameSource mixed = FrameSource.generate(10, FPS, t -> t == 5 ? Image.zeros(W + 2, H) : diskFrame(0));
        assertTrue(msg(() -> MotionMagnify.phase(mixed).band(LO, HI).run()).startsWith("frames[5]"));
        List<Image> frames = new ArrayList<>(in.frames());
        frames.set(3, Image.zeros(W, H + 1));
        assertTrue(msg(() -> Clip.of(frames, FPS)).startsWith("frames[3]"));
        assertTrue(msg(() -> MotionMagnify.phase(Clip.of(List.of(Image.zeros(6, 6)), FPS)).band(1, 2).run())
                .startsWith("frames"));
    }

    @Test
    void anInterruptStopsTheRun() {
        Clip in = diskClip(20, 0.2, 2);
        Thread.currentThread().interrupt();
        assertThrows(CancellationException.class, () -> MotionMagnify.phase(in).band(LO, HI).run());
        assertTrue(!Thread.interrupted(), "the interrupt was consumed");
    }

    static String msg(org.junit.jupiter.api.function.Executable e) {
        return assertThrows(IllegalArgumentException.class, e).getMessage();
    }
}
