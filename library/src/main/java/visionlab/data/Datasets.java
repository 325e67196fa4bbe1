package visionlab.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import java.util.zip.GZIPInputStream;

/**
 * The lecture's data sets: XOR (and AND, OR for the perceptron), the four functions of the
 * representational-power figure (x^2, sin, |x|, Heaviside H(x), N = 50 points uniform in (-1, 1)),
 * 2-D toy classification sets with noise, the UCI 8x8 digits and 10,000 MNIST digits (bundled).
 * Every random set takes a seed; the same seed gives the same set.
 */
public final class Datasets {

    private Datasets() {
    }

    private static final double[][] CORNERS = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};

    /** XOR: (0,0)->0, (0,1)->1, (1,0)->1, (1,1)->0; not linearly separable. */
    public static Dataset xor() {
        return Dataset.classification("XOR", CORNERS, new int[] {0, 1, 1, 0}, 2);
    }

    /** AND on the four corners (linearly separable). */
    public static Dataset and() {
        return Dataset.classification("AND", CORNERS, new int[] {0, 0, 0, 1}, 2);
    }

    /** OR on the four corners (linearly separable). */
    public static Dataset or() {
        return Dataset.classification("OR", CORNERS, new int[] {0, 1, 1, 1}, 2);
    }

    // ------------------------------------------------------------------ figure 5.3

    /** f(x) = x^2 on N = 50 points uniform in (-1, 1), seed 1. */
    public static Dataset square() {
        return function("x^2", x -> x * x, 50, 1);
    }

    /** f(x) = sin(pi x) (one period over (-1, 1), as the figure draws it) on 50 points, seed 1. */
    public static Dataset sine() {
        return function("sin(pi x)", x -> Math.sin(Math.PI * x), 50, 1);
    }

    /** f(x) = |x| on 50 points, seed 1. */
    public static Dataset abs() {
        return function("|x|", Math::abs, 50, 1);
    }

    /** The Heaviside step H(x) = 1 for x &gt; 0, else 0, on 50 points, seed 1. */
    public static Dataset heaviside() {
        return function("H(x)", x -> x > 0 ? 1 : 0, 50, 1);
    }

    /** The four functions of the figure, in its order (a) to (d). */
    public static List<Dataset> figure53() {
        return List.of(square(), sine(), abs(), heaviside());
    }

    /** f sampled at {@code n} points uniform in (-1, 1) drawn from {@code seed}, sorted by x. */
    public static Dataset function(String name, DoubleUnaryOperator f, int n, long seed) {
        if (f == null) {
            throw new IllegalArgumentException("f: expected a function, got null");
        }
        if (n < 1) {
            throw new IllegalArgumentException("n: expected at least 1 point, got " + n);
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] xs = new double[n];
        for (int i = 0; i < n; i++) {
            double v;
            do {
                v = 2 * rnd.nextDouble() - 1;
            } while (v == -1);
            xs[i] = v;
        }
        java.util.Arrays.sort(xs);
        double[][] x = new double[n][1];
        double[][] y = new double[n][1];
        for (int i = 0; i < n; i++) {
            x[i][0] = xs[i];
            y[i][0] = f.applyAsDouble(xs[i]);
        }
        return Dataset.of(name, x, y);
    }

    // ------------------------------------------------------------------ 2-D toys

    /** Two classes: points inside a circle of radius 0.5 (class 1) and in a ring around it (class 0), in [-1, 1]^2. */
    public static Dataset circle(int n, double noise, long seed) {
        check(n, noise);
        SplittableRandom rnd = new SplittableRandom(seed);
        double[][] x = new double[n][2];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            boolean inner = i % 2 == 0;
            double r = inner ? 0.5 * rnd.nextDouble() : 0.7 + 0.3 * rnd.nextDouble();
            double t = 2 * Math.PI * rnd.nextDouble();
            x[i][0] = r * Math.cos(t) + noise * gauss(rnd);
            x[i][1] = r * Math.sin(t) + noise * gauss(rnd);
            y[i] = inner ? 1 : 0;
        }
        return Dataset.classification("circle", x, y, 2);
    }

    /** {@code classes} Gaussian blobs (standard deviation {@code spread}) with centres on a circle of radius 1. */
    public static Dataset blobs(int n, int classes, double spread, long seed) {
        check(n, spread);
        if (classes < 2 || classes > 10) {
            throw new IllegalArgumentException("classes: expected 2..10, got " + classes);
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        double[][] x = new double[n][2];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            int c = i % classes;
            double t = 2 * Math.PI * c / classes;
            x[i][0] = Math.cos(t) + spread * gauss(rnd);
            x[i][1] = Math.sin(t) + spread * gauss(rnd);
            y[i] = c;
        }
        return Dataset.classification("blobs", x, y, classes);
    }

    /** Interleaved spiral arms, one per class, radius up to 1, each point jittered by {@code noise}. */
    public static Dataset spiral(int n, int classes, double noise, long seed) {
        check(n, noise);
        if (classes < 2 || classes > 10) {
            throw new IllegalArgumentException("classes: expected 2..10, got " + classes);
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        double[][] x = new double[n][2];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            int c = i % classes;
            double r = rnd.nextDouble();
            double t = 2 * Math.PI * c / classes + 4 * r + noise * gauss(rnd);
            x[i][0] = r * Math.cos(t);
            x[i][1] = r * Math.sin(t);
            y[i] = c;
        }
        return Dataset.classification("spiral", x, y, classes);
    }

    /** Two interleaving half circles (class 0 upper, class 1 lower), jittered by Gaussian {@code noise}. */
    public static Dataset moons(int n, double noise, long seed) {
        check(n, noise);
        SplittableRandom rnd = new SplittableRandom(seed);
        double[][] x = new double[n][2];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            int c = i % 2;
            double t = Math.PI * rnd.nextDouble();
            x[i][0] = c == 0 ? Math.cos(t) : 1 - Math.cos(t);
            x[i][1] = c == 0 ? Math.sin(t) : 0.5 - Math.sin(t);
            x[i][0] += noise * gauss(rnd);
            x[i][1] += noise * gauss(rnd);
            y[i] = c;
        }
        return Dataset.classification("moons", x, y, 2);
    }

    private static void check(int n, double noise) {
        if (n < 2) {
            throw new IllegalArgumentException("n: expected at least 2 points, got " + n);
        }
        if (!(noise >= 0) || Double.isInfinite(noise)) {
            throw new IllegalArgumentException("noise: expected a finite number >= 0, got " + noise);
        }
    }

    private static double gauss(SplittableRandom rnd) {
        double u = 1 - rnd.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rnd.nextDouble());
    }

    // ------------------------------------------------------------------ digits

    /** The 1,797 UCI 8x8 digits (pixels 0..16 scaled to 0..1), 10 classes (see NOTICE). */
    public static Dataset digits8x8() {
        try (InputStream in = resource("uci-digits-8x8.csv.gz");
                BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(in),
                        StandardCharsets.US_ASCII))) {
            List<float[]> xs = new ArrayList<>();
            List<Integer> ys = new ArrayList<>();
            String line;
            while ((line = r.readLine()) != null) {
                line = line.trim();
                if (line.isEmpty()) {
                    continue;
                }
                String[] f = line.split(",");
                float[] v = new float[64];
                for (int i = 0; i < 64; i++) {
                    v[i] = Integer.parseInt(f[i].trim()) / 16f;
                }
                xs.add(v);
                ys.add(Integer.parseInt(f[64].trim()));
            }
            int[] labels = ys.stream().mapToInt(Integer::intValue).toArray();
            return Dataset.classificationOf("digits 8x8", xs.toArray(new float[0][]), labels, 10, 8, 8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the bundled 8x8 digits", e);
        }
    }

    /**
     * 10,000 MNIST digits (28x28, pixels scaled to 0..1), shuffled with a fixed seed (the bundled file is
     * sorted by class).
     */
    public static Dataset mnist10k() {
        try (InputStream im = resource("mnist-10k-images-idx3-ubyte.gz");
                InputStream lb = resource("mnist-10k-labels-idx1-ubyte.gz")) {
            return Idx.read(im, lb, "MNIST 10k").shuffled(20_000_101L);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the bundled MNIST digits", e);
        }
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = Datasets.class.getResourceAsStream(name);
        if (in == null) {
            throw new IOException("missing resource visionlab/data/" + name);
        }
        return in;
    }
}
