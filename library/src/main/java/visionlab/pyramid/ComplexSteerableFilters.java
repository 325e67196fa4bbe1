package visionlab.pyramid;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import visionlab.fourier.Fft2;

/**
 * The complex (one-sided) steerable filters of a pyramid with one or two bands per octave, each band on
 * the smallest DFT grid on which its support does not alias: the building block of phase-based motion magnification
 * (Wadhwa et al. 2013 use half-octave bands). With {@code l = log2(|omega| / pi)}, a band width
 * {@code w} octaves (1 or 1/2) and band edges {@code a_j = -j w}:
 *
 * <pre>
 * hi_a(l) = cos(pi/2 (a - l) / w),  lo_a(l) = sin(pi/2 (a - l) / w)  on a - w &lt; l &lt; a   (hi^2 + lo^2 = 1)
 * band j, orientation b:  B_jb = lo_{a_j}(l) hi_{a_{j+1}}(l) sqrt(2) alpha cos^(K-1)(phi - theta_b)  for |phi - theta_b| &lt; pi/2
 * residual (kept as is):  R = hi_0(l)^2 + lo_{a_J}(l)^2 + T    (high-pass, low-pass and tail energy)
 * R + sum_jb (|B_jb(omega)|^2 + |B_jb(-omega)|^2) / 2 = 1      (tight frame for real images)
 * </pre>
 *
 * The angular tails of each band, where {@code cos^(K-1)(phi - theta_b) < 0.01}, are moved into T (their
 * energy at omega and -omega), so the frame stays tight; cut there, a band's support is a narrower wedge,
 * whose alias-free grid is smaller.
 * Band j peaks (value 1 radially) at {@code |omega| = pi 2^-((j+1) w)}. With {@code w = 1} these are the
 * radial profiles of {@link SteerablePyramid}. A band's coefficients are
 * {@code c = ifft_grid(fold(B X))}, the support folded onto the grid modulo its size; synthesis adds {@code B fft_grid(c)} back into a full-size spectrum, so
 * {@code x = Re ifft(R X + sum B fft(c))} is exact for unmodified coefficients. Masks are stored
 * column-major ({@code m[x h + y]}, x the column frequency index), the order of
 * {@link Fft2#forwardRealColumnMajor(float[], int, int)}.
 *
 * <pre>{@code var f = ComplexSteerableFilters.of(320, 240, 2, 4, 4);   // half-octave, 4 octaves, 4 orientations
 * float[] spec = Fft2.forwardRealColumnMajor(plane, 320, 240);
 * float[] c = f.analyze(spec, 3, 0, null);  f.synthesize(c, 3, 0, acc);}</pre>
 */
public final class ComplexSteerableFilters {

    private final int width;
    private final int height;
    private final int perOctave;
    private final int bands;
    private final int orientations;
    private final int[] bandW; // nominal grid of band j (both half-planes)
    private final int[] bandH;
    private final int[][] gridW; // [band][orientation]: the grid that holds the one-sided support
    private final int[][] gridH;
    private final int[][][] sources; // [band][orientation][grid cell x h + y] -> full spectrum index u H + v
    private final float[][][] masks; // [band][orientation][x h + y]
    private final float[] residual; // full grid, column-major

    /** Angular tails {@code cos^(K-1)(phi - theta_b)} below this (beyond 77.6 degrees for K = 4) go to the residual. */
    static final double TAIL = 0.01;

    private ComplexSteerableFilters(int width, int height, int perOctave, int octaves, int orientations) {
        this.width = width;
        this.height = height;
        this.perOctave = perOctave;
        this.bands = octaves * perOctave;
        this.orientations = orientations;
        double w = 1.0 / perOctave;
        bandW = new int[bands];
        bandH = new int[bands];
        gridW = new int[bands][orientations];
        gridH = new int[bands][orientations];
        sources = new int[bands][orientations][];
        masks = new float[bands][orientations][];
        double gain = Math.sqrt(2) * SteerableMasks.angularGain(orientations);
        int order = orientations - 1;
        double[] tails = new double[width * height];
        for (int j = 0; j < bands; j++) {
            double rmax = Math.pow(2, -j * w); // the band is zero above |omega| = pi rmax
            int bw = gridSize(width, rmax);
            int bh = gridSize(height, rmax);
            bandW[j] = bw;
            bandH[j] = bh;
            int[] bc = SteerableMasks.indexMap(bw, width);
            int[] br = SteerableMasks.indexMap(bh, height);
            float[][] full = new float[orientations][bw * bh];
            double aj = -j * w;
            for (int x = 0; x < bw; x++) {
                double wx = omega(bc[x], width);
                for (int y = 0; y < bh; y++) {
                    double wy = omega(br[y], height);
                    double r = Math.hypot(wx, wy) / Math.PI;
                    if (r == 0) {
                        continue;
                    }
                    double l = Math.log(r) / Math.log(2);
                    double radial = SteerableMasks.lo(l / w, aj / w) * SteerableMasks.hi(l / w, (aj - w) / w);
                    if (radial == 0) {
                        continue;
                    }
                    double phi = Math.atan2(wy, wx);
                    for (int b = 0; b < orientations; b++) {
                        double d = Math.IEEEremainder(phi - Math.PI * b / orientations, 2 * Math.PI);
                        if (Math.abs(d) >= Math.PI / 2) {
                            continue;
                        }
                        double ang = Math.pow(Math.cos(d), order);
                        double v = radial * gain * ang;
                        if (ang < TAIL) { // left to the residual, at omega and at -omega
                            int u = bc[x];
                            int q = br[y];
                            tails[u * height + q] += v * v / 2;
                            tails[((width - u) % width) * height + (height - q) % height] += v * v / 2;
                            continue;
                        }
                        full[b][x * bh + y] = (float) v;
                    }
                }
            }
            for (int b = 0; b < orientations; b++) {
                crop(j, b, full[b], bc, br, bw, bh);
            }
        }
        residual = new float[width * height];
        double low = -bands * w;
        for (int u = 0; u < width; u++) {
            double wx = omega(u, width);
            for (int v = 0; v < height; v++) {
                double wy = omega(v, height);
                double r = Math.hypot(wx, wy) / Math.PI;
                double l = r == 0 ? Double.NEGATIVE_INFINITY : Math.log(r) / Math.log(2);
                double hp = SteerableMasks.hi(l / w, 0);
                double lp = SteerableMasks.lo(l / w, low / w);
                residual[u * height + v] = (float) (hp * hp + lp * lp + tails[u * height + v]);
            }
        }
    }

    /**
     * Band (j, b) on the smallest grid on which its one-sided support does not alias: a frequency
     * {@code (fx, fy)} of the support goes to the grid cell {@code (fx mod w, fy mod h)}, and (w, h) is the
     * pair of 2^a 3^b 5^c sizes of least area that sends no two support frequencies to one cell (at most
     * the support's bounding box). The grid's coefficients are then the band signal itself sampled every
     * {@code W / w} by {@code H / h} pixels: {@code c(x, y) = sum_f B X(f) e^{2 pi i (fx x / w + fy y / h)}}.
     * A diagonal band's support is a rotated half-ring, whose periodic copies nest into each other: it needs
     * about 30% fewer cells than its bounding box.
     */
    private void crop(int j, int b, float[] m, int[] bc, int[] br, int bw, int bh) {
        int count = 0;
        for (float v : m) {
            if (v != 0) {
                count++;
            }
        }
        int[] fx = new int[count];
        int[] fy = new int[count];
        float[] val = new float[count];
        int[] full = new int[count];
        int minX = Integer.MAX_VALUE;
        int maxX = Integer.MIN_VALUE;
        int minY = Integer.MAX_VALUE;
        int maxY = Integer.MIN_VALUE;
        int k = 0;
        for (int x = 0; x < bw; x++) {
            int f = x < (bw + 1) / 2 ? x : x - bw;
            for (int y = 0; y < bh; y++) {
                float v = m[x * bh + y];
                if (v != 0) {
                    int g = y < (bh + 1) / 2 ? y : y - bh;
                    fx[k] = f;
                    fy[k] = g;
                    val[k] = v;
                    full[k] = bc[x] * height + br[y];
                    k++;
                    minX = Math.min(minX, f);
                    maxX = Math.max(maxX, f);
                    minY = Math.min(minY, g);
                    maxY = Math.max(maxY, g);
                }
            }
        }
        int gw = 1;
        int gh = 1;
        if (count > 0) { // else (tiny images) a 1x1 zero grid
            int[] grid = aliasFreeGrid(fx, fy, smooth(maxX - minX + 1), smooth(maxY - minY + 1));
            gw = grid[0];
            gh = grid[1];
        }
        float[] g = new float[gw * gh];
        int[] src = new int[gw * gh];
        for (int i = 0; i < count; i++) {
            int cell = Math.floorMod(fx[i], gw) * gh + Math.floorMod(fy[i], gh);
            g[cell] = val[i];
            src[cell] = full[i];
        }
        gridW[j][b] = gw;
        gridH[j][b] = gh;
        sources[j][b] = src;
        masks[j][b] = g;
    }

    /**
     * The least-area grid {@code {w, h}} (2^a 3^b 5^c sizes, at most {@code maxW x maxH}, which does not
     * alias) on which the frequencies {@code (fx[i], fy[i])} fall into distinct cells. Frequencies are tried
     * in a scattered order, so that a grid that aliases is usually rejected after a few of them.
     */
    private static int[] aliasFreeGrid(int[] fx, int[] fy, int maxW, int maxH) {
        int n = fx.length;
        int step = Math.max(1, (int) (n * 0.6180339887));
        while (gcd(step, n) != 1) {
            step++;
        }
        int[] stamp = new int[maxW * maxH];
        int mark = 0;
        int bestW = maxW;
        int bestH = maxH;
        List<Integer> widths = smoothUpTo(maxW);
        List<Integer> heights = smoothUpTo(maxH);
        for (int w : widths) {
            for (int h : heights) {
                if ((long) w * h >= (long) bestW * bestH || (long) w * h < n) {
                    if ((long) w * h >= (long) bestW * bestH) {
                        break;
                    }
                    continue;
                }
                mark++;
                boolean ok = true;
                for (int t = 0, i = 0; t < n; t++, i = (i + step) % n) {
                    int cell = Math.floorMod(fx[i], w) * h + Math.floorMod(fy[i], h);
                    if (stamp[cell] == mark) {
                        ok = false;
                        break;
                    }
                    stamp[cell] = mark;
                }
                if (ok) {
                    bestW = w;
                    bestH = h;
                    break; // larger h only grow the area
                }
            }
        }
        return new int[] {bestW, bestH};
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    /** The 2^a 3^b 5^c sizes up to {@code max}, ascending. */
    private static List<Integer> smoothUpTo(int max) {
        List<Integer> out = new ArrayList<>();
        for (int m = 1; m <= max; m = smooth(m + 1)) {
            out.add(m);
        }
        return out;
    }

    /** The smallest 2^a 3^b 5^c at least n. */
    private static int smooth(int n) {
        for (int m = Math.max(1, n); ; m++) {
            int k = m;
            for (int p : new int[] {2, 3, 5}) {
                while (k % p == 0) {
                    k /= p;
                }
            }
            if (k == 1) {
                return m;
            }
        }
    }

    /**
     * The filters for {@code width x height} images: {@code perOctave} bands per octave (1 or 2) over
     * {@code octaves} octaves below the Nyquist frequency (1 .. {@link #maxOctaves(int, int)}), {@code orientations}
     * orientations (2..8).
     */
    public static ComplexSteerableFilters of(int width, int height, int perOctave, int octaves, int orientations) {
        if (width < 8 || height < 8) {
            throw new IllegalArgumentException("width, height: expected at least 8x8, got " + width + "x" + height);
        }
        if (perOctave != 1 && perOctave != 2) {
            throw new IllegalArgumentException("perOctave: expected 1 (octave) or 2 (half-octave) bands, got " + perOctave);
        }
        int max = maxOctaves(width, height);
        if (octaves < 1 || octaves > max) {
            throw new IllegalArgumentException("octaves: expected 1.." + max + " for " + width + "x" + height + ", got "
                    + octaves);
        }
        if (orientations < 2 || orientations > 8) {
            throw new IllegalArgumentException("orientations: expected 2..8, got " + orientations);
        }
        return new ComplexSteerableFilters(width, height, perOctave, octaves, orientations);
    }

    /** {@code floor(log2 min(W, H)) - 2}, as {@link SteerablePyramid#maxScales(visionlab.image.Image)}. */
    public static int maxOctaves(int width, int height) {
        return SteerableMasks.maxScales(width, height);
    }

    private static double omega(int index, int n) {
        int f = index < (n + 1) / 2 ? index : index - n;
        return 2 * Math.PI * f / n;
    }

    /** The nominal grid of a band reaching |omega| = pi rmax: keeps every index |k| &lt;= rmax n / 2 (or n itself). */
    private static int gridSize(int n, double rmax) {
        int need = 2 * (int) Math.floor(rmax * n / 2) + 3;
        return need >= n ? n : Math.min(n, smooth(need));
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** Number of radial bands ({@code octaves * perOctave}). */
    public int bands() {
        return bands;
    }

    public int orientations() {
        return orientations;
    }

    public int perOctave() {
        return perOctave;
    }

    /** Columns of the grid of band (j, b) (its coefficient image is {@code gridHeight} wide in the transposed
     * layout, x = grid column); one-sided bands need about half the nominal grid. */
    public int gridWidth(int band, int orientation) {
        return gridW[band][orientation];
    }

    public int gridHeight(int band, int orientation) {
        return gridH[band][orientation];
    }

    /** Columns of band j's nominal grid (both half-planes): the unit of phase smoothing. */
    public int bandWidth(int band) {
        return bandW[band];
    }

    public int bandHeight(int band) {
        return bandH[band];
    }

    /** The radial peak of band j: {@code |omega| = pi 2^-((j+1) w)} radians per pixel. */
    public double peak(int band) {
        return Math.PI * Math.pow(2, -(band + 1.0) / perOctave);
    }

    /** The mask of band (j, b), column-major on its grid (live; do not modify). */
    float[] mask(int band, int orientation) {
        return masks[band][orientation];
    }

    /**
     * Band (j, b) of the image whose column-major spectrum is {@code spectrum} (2 W H floats): complex
     * coefficients interleaved, column-major on the band's grid ({@code c[2 (x h + y)]}), into {@code out}
     * when it has exactly {@code 2 w h} floats, else a new array.
     */
    public float[] analyze(float[] spectrum, int band, int orientation, float[] out) {
        int gw = gridW[band][orientation];
        int gh = gridH[band][orientation];
        float[] c = out != null && out.length == 2 * gw * gh ? out : new float[2 * gw * gh];
        float[] m = masks[band][orientation];
        int[] src = sources[band][orientation];
        for (int i = 0; i < m.length; i++) {
            float g = m[i];
            int q = 2 * src[i];
            c[2 * i] = g * spectrum[q];
            c[2 * i + 1] = g * spectrum[q + 1];
        }
        Fft2.inverseSerial(c, gh, gw); // column-major = row-major of the transposed grid
        return c;
    }

    /** Adds {@code B fft(c)} of band (j, b) into the full column-major spectrum {@code acc}; {@code c} is
     * overwritten by its transform. */
    public void synthesize(float[] c, int band, int orientation, float[] acc) {
        int gw = gridW[band][orientation];
        int gh = gridH[band][orientation];
        Fft2.forwardSerial(c, gh, gw);
        float[] m = masks[band][orientation];
        int[] src = sources[band][orientation];
        for (int i = 0; i < m.length; i++) {
            float g = m[i];
            if (g != 0) {
                int d = 2 * src[i];
                acc[d] += g * c[2 * i];
                acc[d + 1] += g * c[2 * i + 1];
            }
        }
    }

    /** Sets {@code acc = R X}: the high-pass and low-pass residuals of the spectrum, kept as they are. */
    public void residual(float[] spectrum, float[] acc) {
        for (int i = 0; i < residual.length; i++) {
            acc[2 * i] = residual[i] * spectrum[2 * i];
            acc[2 * i + 1] = residual[i] * spectrum[2 * i + 1];
        }
    }

    /** The real image (row-major W x H) of a full column-major spectrum; {@code acc} is overwritten. */
    public float[] image(float[] acc, float[] out) {
        Fft2.inverse(acc, height, width);
        float[] img = out != null && out.length == width * height ? out : new float[width * height];
        for (int u = 0; u < width; u++) {
            for (int v = 0; v < height; v++) {
                img[v * width + u] = acc[2 * (u * height + v)];
            }
        }
        return img;
    }

    /** Bands, grids and coefficient count. */
    public List<String> describe() {
        List<String> out = new ArrayList<>();
        for (int j = 0; j < bands; j++) {
            StringBuilder g = new StringBuilder();
            for (int b = 0; b < orientations; b++) {
                g.append(b == 0 ? "" : ", ").append(gridW[j][b]).append('x').append(gridH[j][b]);
            }
            out.add(String.format(Locale.ROOT, "band %d: peak %.3f rad/px, grids %s", j, peak(j), g));
        }
        return out;
    }

    /** Complex coefficients per image: {@code sum_jb w_jb h_jb}. */
    public long coefficients() {
        long n = 0;
        for (int j = 0; j < bands; j++) {
            for (int b = 0; b < orientations; b++) {
                n += (long) gridW[j][b] * gridH[j][b];
            }
        }
        return n;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "ComplexSteerableFilters %dx%d, %d bands (%s), %d orientations", width,
                height, bands, perOctave == 2 ? "half-octave" : "octave", orientations);
    }
}
