package visionlab.motion;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import visionlab.filter.Boundary;
import visionlab.filter.Convolution;
import visionlab.filter.Kernel1D;
import visionlab.fourier.Fft2;
import visionlab.image.Image;
import visionlab.pyramid.ComplexSteerableFilters;

/**
 * The magnifier stage of the frame source -> magnifier -> frame sink pipeline: frames go in one at a time
 * ({@link #push}), magnified frames come out in order (at once for causal filters, M frames later for the
 * FIR, all at {@link #finish} for the ideal filter). Per frame t, band (j, b) and coefficient:
 *
 * <pre>
 * c_t = ifft_grid(B_jb fft(Y_t))                 complex steerable coefficient of the luminance
 * Delta_t = Delta_{t-1} + wrap(arg c_t - arg c_{t-1}),  Delta_0 = 0
 * P_t = bandpass(Delta)_t                        (optionally (G * (|c| P)) / (G * |c|), sigma px of the band grid)
 * c'_t = c_t e^{i alpha P_t}                     motion (1 + alpha) delta in the band
 * c'_t = c_t e^{i ((1 + alpha) P_t - Delta_t)}   attenuateOthers: phase reference + (1 + alpha) P_t
 * Y'_t = Re ifft(R fft(Y_t) + sum_jb B_jb fft_grid(c'_t))
 * </pre>
 *
 * Memory for causal filters: the filter states, a few floats per coefficient, whatever the clip length.
 * Orientations run in parallel.
 */
final class PhaseMagnifier {

    /** Settings; {@code gain} is the paper's alpha (motion becomes {@code (1 + gain) delta}). */
    record Settings(double gain, double lowHz, double highHz, double fps, TemporalFilter filter, double sigma,
                    boolean attenuate, int perOctave, int orientations) {
    }

    private static final int BLOCK = 2048; // coefficients per block of a causal step: about 70 kB of state

    private final Settings s;
    private final int width;
    private final int height;
    private final ComplexSteerableFilters bank;
    private final Band[][] bands; // [orientation][band]
    private final Band[] byCost; // every band, largest grid first: the order workers take them in
    private final BandPass pass; // null for IDEAL
    private final int delay;
    private final float[][] acc; // per worker, full column-major spectrum
    private final float[] spectrum; // the current frame's luminance spectrum (reused)
    private final List<Image> held = new ArrayList<>(); // frames waiting for their output (FIR, IDEAL)
    private long in;
    private long out;

    /** Per (band, orientation): grid and per-coefficient state. */
    private final class Band {
        final int j;
        final int b;
        final int n;
        final float[] c;
        final float[] prev;
        final float[] delta;
        final float[] p;
        final BandPass.State state;
        final List<float[]> history = new ArrayList<>(); // IDEAL: Delta_t of every frame
        List<float[]> passed; // IDEAL: the band-passed Delta_t, at finish

        Band(int j, int b) {
            this.j = j;
            this.b = b;
            n = bank.gridWidth(j, b) * bank.gridHeight(j, b);
            c = new float[2 * n];
            prev = new float[n];
            delta = new float[n];
            p = new float[n];
            state = pass == null ? null : pass.state(n);
            // sigma in pixels of the band's nominal grid; this grid may sample more coarsely
            gaussX = s.sigma > 0 ? Kernel1D.gaussian(Math.max(0.05, s.sigma * bank.gridWidth(j, b) / bank.bandWidth(j))) : null;
            gaussY = s.sigma > 0 ? Kernel1D.gaussian(Math.max(0.05, s.sigma * bank.gridHeight(j, b) / bank.bandHeight(j))) : null;
        }

        final Kernel1D gaussX;
        final Kernel1D gaussY;

        /** Phase step of frame t from {@code c}: updates Delta; returns false until the filter has an output. */
        boolean phaseStep(long t) {
            phases(t, 0, n);
            if (state == null) {
                history.add(delta.clone());
                return false;
            }
            return state.step(delta, p);
        }

        /** Delta of coefficients from .. to - 1 from {@code c} (frame t). */
        private void phases(long t, int from, int to) {
            if (t == 0) {
                for (int i = from; i < to; i++) {
                    prev[i] = PhaseMath.atan2(c[2 * i + 1], c[2 * i]);
                }
            } else {
                for (int i = from; i < to; i++) {
                    float ph = PhaseMath.atan2(c[2 * i + 1], c[2 * i]);
                    delta[i] += PhaseMath.wrap(ph - prev[i]);
                    prev[i] = ph;
                }
            }
        }

        /**
         * A causal filter's whole frame t with no phase smoothing: phase, filter and rotation run block by
         * block (each block's coefficients stay in the core's cache), then the synthesis into {@code accum}.
         */
        void causalStep(long t, float[] accum) {
            float g = (float) s.gain;
            for (int from = 0; from < n; from += BLOCK) {
                int to = Math.min(n, from + BLOCK);
                phases(t, from, to);
                state.stepRange(delta, p, from, to);
                if (s.attenuate) {
                    PhaseMath.rotate(c, g + 1, p, 1f, delta, from, to);
                } else {
                    PhaseMath.rotate(c, g, p, 0f, null, from, to);
                }
            }
            bank.synthesize(c, j, b, accum);
        }

        /** c' = c e^{i theta} from the band-passed phase {@code pb} and the frame's own {@code dlt}; adds into acc. */
        void apply(float[] pb, float[] dlt, float[] accum) {
            float[] q = s.sigma > 0 ? smooth(pb) : pb;
            float g = (float) s.gain;
            if (s.attenuate) {
                PhaseMath.rotate(c, g + 1, q, 1f, dlt, n);
            } else {
                PhaseMath.rotate(c, g, q, 0f, null, n);
            }
            bank.synthesize(c, j, b, accum);
        }

        /** (G * (A P)) / (G * A), A = |c|, on the band grid (h wide, w tall in the column-major layout). */
        private float[] smooth(float[] pb) {
            float[] amp = new float[n];
            float[] ap = new float[n];
            for (int i = 0; i < n; i++) {
                amp[i] = (float) Math.hypot(c[2 * i], c[2 * i + 1]);
                ap[i] = amp[i] * pb[i];
            }
            int gw = bank.gridHeight(j, b); // image width of the transposed layout: y
            int gh = bank.gridWidth(j, b);
            float[] num = Convolution.separable(Image.of(gw, gh, ap), gaussY, gaussX, Boundary.WRAP).plane(0);
            float[] den = Convolution.separable(Image.of(gw, gh, amp), gaussY, gaussX, Boundary.WRAP).plane(0);
            float[] r = new float[n];
            for (int i = 0; i < n; i++) {
                r[i] = den[i] > 1e-20f ? num[i] / den[i] : 0f;
            }
            return r;
        }
    }

    PhaseMagnifier(Settings s, int width, int height) {
        this.s = s;
        this.width = width;
        this.height = height;
        int octaves = Math.min(4, ComplexSteerableFilters.maxOctaves(width, height));
        if (octaves < 1) {
            throw new IllegalArgumentException("frames: expected frames of at least 8x8 pixels, got " + width + "x" + height);
        }
        bank = ComplexSteerableFilters.of(width, height, s.perOctave, octaves, s.orientations);
        pass = s.filter == TemporalFilter.IDEAL ? null : BandPass.of(s.filter, s.lowHz, s.highHz, s.fps);
        delay = pass == null ? 0 : pass.delay();
        bands = new Band[s.orientations][bank.bands()];
        acc = new float[Math.max(1, Math.min(s.orientations * bank.bands(),
                Runtime.getRuntime().availableProcessors()))][2 * width * height];
        spectrum = new float[2 * width * height];
        List<Band> all = new ArrayList<>();
        for (int b = 0; b < s.orientations; b++) {
            for (int j = 0; j < bank.bands(); j++) {
                bands[b][j] = new Band(j, b);
                all.add(bands[b][j]);
            }
        }
        all.sort((p, q) -> Integer.compare(q.n, p.n));
        byCost = all.toArray(new Band[0]);
    }

    ComplexSteerableFilters bank() {
        return bank;
    }

    /** Frames pushed so far. */
    long framesIn() {
        return in;
    }

    /** Feeds the next frame; passes every output that is ready to {@code sink}. */
    void push(Image frame, Consumer<Image> sink) {
        long t = in++;
        float[] y = Yiq.luminance(frame);
        float[] spec = Fft2.forwardRealColumnMajor(y, width, height, spectrum);
        if (pass != null && delay == 0) { // causal: the output of this frame at once
            magnify(frame, y, spec, s.sigma > 0 ? (band, a) -> {
                band.phaseStep(t);
                band.apply(band.p, band.delta, a);
            } : (band, a) -> band.causalStep(t, a), sink);
            return;
        }
        held.add(frame);
        boolean[] ready = new boolean[1];
        Band first = bands[0][0];
        eachBand((band, w) -> {
            bank.analyze(spec, band.j, band.b, band.c);
            boolean r = band.phaseStep(t);
            if (band == first) {
                ready[0] = r;
            }
        });
        if (pass != null && ready[0]) {
            emitDelayed(sink);
        }
    }

    /** What a band does with its fresh coefficients {@code band.c} before adding them into {@code acc}. */
    private interface BandStep {
        void run(Band band, float[] acc);
    }

    /** Work on one band by worker {@code w} (0 .. acc.length - 1). */
    private interface BandWork {
        void run(Band band, int w);
    }

    /**
     * Runs {@code work} on every band, on {@code acc.length} workers that each take the largest band not yet
     * taken (so the cores finish together, whatever the grid sizes).
     */
    private void eachBand(BandWork work) {
        AtomicInteger next = new AtomicInteger();
        IntStream.range(0, acc.length).parallel().forEach(w -> {
            for (int k = next.getAndIncrement(); k < byCost.length; k = next.getAndIncrement()) {
                work.run(byCost[k], w);
            }
        });
    }

    /**
     * One output frame: every band's coefficients of {@code spec} and {@code step} (which rotates and
     * synthesises them into the worker's spectrum, in parallel); the residual and the workers' spectra
     * summed, inverted, and given back the frame's chrominance.
     */
    private void magnify(Image frame, float[] y, float[] spec, BandStep step, Consumer<Image> sink) {
        boolean[] zeroed = new boolean[acc.length]; // the workers that took a band
        eachBand((band, w) -> {
            if (!zeroed[w]) {
                java.util.Arrays.fill(acc[w], 0f);
                zeroed[w] = true;
            }
            bank.analyze(spec, band.j, band.b, band.c);
            step.run(band, acc[w]);
        });
        sink.accept(Yiq.withLuminance(frame, y, sum(spec, zeroed)));
    }

    /** FIR: the output of the oldest held frame from the filter outputs just computed. */
    private void emitDelayed(Consumer<Image> sink) {
        Image frame = held.remove(0);
        float[] y = Yiq.luminance(frame);
        float[] spec = Fft2.forwardRealColumnMajor(y, width, height, spectrum);
        out++;
        magnify(frame, y, spec, (band, a) -> band.apply(band.p, band.state.delayedInput(), a), sink);
    }

    /** Emits the frames still held: FIR by holding the last phase, IDEAL by filtering the whole clip. */
    void finish(Consumer<Image> sink) {
        if (pass != null) {
            while (!held.isEmpty()) {
                MotionMagnify.checkInterrupt();
                boolean ready = false;
                for (Band[] row : bands) {
                    for (Band band : row) {
                        ready = band.state.step(band.delta, band.p);
                    }
                }
                if (ready) { // a clip shorter than the FIR's latency first fills its window
                    emitDelayed(sink);
                }
            }
            return;
        }
        int t = held.size();
        if (t < 3) {
            throw new IllegalArgumentException("frames: the ideal filter expects at least 3 frames, got " + t);
        }
        IntStream.range(0, s.orientations).parallel().forEach(b -> {
            IdealBandPass ideal = new IdealBandPass(t, s.lowHz, s.highHz, s.fps);
            double[] series = new double[t];
            for (Band band : bands[b]) {
                List<float[]> h = band.history;
                band.passed = new ArrayList<>(t);
                for (int k = 0; k < t; k++) {
                    band.passed.add(s.attenuate ? new float[band.n] : h.get(k)); // in place unless Delta is needed
                }
                for (int i = 0; i < band.n; i++) {
                    if (i % 4096 == 0) {
                        MotionMagnify.checkInterrupt();
                    }
                    for (int k = 0; k < t; k++) {
                        series[k] = h.get(k)[i];
                    }
                    ideal.filter(series);
                    for (int k = 0; k < t; k++) {
                        band.passed.get(k)[i] = (float) series[k];
                    }
                }
            }
        });
        for (int k = 0; k < t; k++) {
            MotionMagnify.checkInterrupt();
            Image frame = held.get(k);
            held.set(k, null);
            float[] y = Yiq.luminance(frame);
            float[] spec = Fft2.forwardRealColumnMajor(y, width, height, spectrum);
            final int kk = k;
            magnify(frame, y, spec, (band, a) -> {
                band.apply(band.passed.get(kk), band.history.get(kk), a);
                band.passed.set(kk, null);
                band.history.set(kk, null);
            }, sink);
        }
        held.clear();
    }

    /** The output luminance: the residual of {@code spec} plus the spectra of the workers that took a band,
     * inverse DFT, real part; {@code spec} is overwritten. */
    private float[] sum(float[] spec, boolean[] ran) {
        float[] a = spec;
        bank.residual(spec, a);
        for (int w = 0; w < acc.length; w++) {
            if (ran[w]) {
                float[] o = acc[w];
                for (int i = 0; i < a.length; i++) {
                    a[i] += o[i];
                }
            }
        }
        return bank.image(a, null);
    }

    /** Delta_t of one coefficient (band j, orientation b, grid index i) for every frame of {@code frames}. */
    static double[] phaseSeries(Settings s, List<Image> frames, int j, int b, int gx, int gy) {
        Image f0 = frames.get(0);
        Settings ideal = new Settings(s.gain, s.lowHz, s.highHz, s.fps, TemporalFilter.IDEAL, 0, false, s.perOctave,
                s.orientations);
        PhaseMagnifier m = new PhaseMagnifier(ideal, f0.width(), f0.height());
        if (j < 0 || j >= m.bank.bands() || b < 0 || b >= s.orientations) {
            throw new IllegalArgumentException("band, orientation: expected 0.." + (m.bank.bands() - 1) + " and 0.."
                    + (s.orientations - 1) + ", got " + j + ", " + b);
        }
        Band band = m.bands[b][j];
        int gw = m.bank.gridWidth(j, b);
        int gh = m.bank.gridHeight(j, b);
        int i = Math.floorMod((int) Math.round(gx * (double) gw / f0.width()), gw) * gh
                + Math.floorMod((int) Math.round(gy * (double) gh / f0.height()), gh);
        double[] out = new double[frames.size()];
        for (int t = 0; t < frames.size(); t++) {
            float[] spec = Fft2.forwardRealColumnMajor(Yiq.luminance(frames.get(t)), f0.width(), f0.height());
            m.bank.analyze(spec, j, b, band.c);
            band.phaseStep(t);
            band.history.clear();
            out[t] = band.delta[i];
        }
        return out;
    }
}
