package visionlab.nn;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import visionlab.image.Image;
import visionlab.show.Displayable;
import visionlab.show.MimeBundle;

/**
 * Every x_i of one forward pass of a {@link Cnn}, drawn layer by layer: one row per x_i, labelled with the
 * layer and its shape; maps as small pictures side by side (maps with negative values: mid grey = 0, else
 * black = 0, one scale per layer), vectors as strips of cells.
 */
public final class FeatureMaps implements Displayable {

    private static final int LABEL_W = 250;
    private static final int TILE = 56;
    private static final int GAP = 4;
    private static final int MAX_TILES = 16;

    private final Forward forward;
    private final List<MapShape> shapes;

    FeatureMaps(Forward forward, List<MapShape> shapes) {
        this.forward = forward;
        this.shapes = List.copyOf(shapes);
    }

    /** n, the number of layers (x_0 .. x_n are shown). */
    public int n() {
        return forward.n();
    }

    /** x_i as a row of C*H*W values. */
    public Matrix x(int i) {
        return forward.x(i);
    }

    /** The shape C x H x W of x_i (1x1xn for vectors). */
    public MapShape shape(int i) {
        if (i < 0 || i > n()) {
            throw new IllegalArgumentException("i: expected 0.." + n() + ", got " + i);
        }
        return shapes.get(i);
    }

    /** The maps of x_i as images (one per channel). */
    public List<Image> maps(int i) {
        MapShape s = shape(i);
        double[] v = forward.x(i).row(0);
        List<Image> out = new ArrayList<>();
        for (int c = 0; c < s.channels(); c++) {
            float[] px = new float[s.area()];
            for (int q = 0; q < px.length; q++) {
                px[q] = (float) v[c * s.area() + q];
            }
            out.add(Image.of(s.width(), s.height(), px));
        }
        return out;
    }

    private String label(int i) {
        return i == 0 ? "x_0 input" : "x_" + i + " = " + forward.layers().get(i - 1).name();
    }

    private int rowHeight(int i) {
        MapShape s = shapes.get(i);
        return s.channels() == 1 && s.height() == 1 ? 40 : TILE + 8;
    }

    /** The picture. */
    public BufferedImage image() {
        int width = LABEL_W + MAX_TILES * (TILE + GAP) + 10;
        int height = 40;
        for (int i = 0; i <= n(); i++) {
            height += rowHeight(i) + 6;
        }
        BufferedImage im = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = im.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        g.drawString("Feature maps of one input, layer by layer (signed maps: grey = 0; others: black = 0)", 10, 24);
        int y = 40;
        for (int i = 0; i <= n(); i++) {
            MapShape s = shapes.get(i);
            double[] v = forward.x(i).row(0);
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
            g.drawString(label(i), 10, y + 18);
            g.setColor(Color.DARK_GRAY);
            g.drawString(s.channels() == 1 && s.height() == 1 ? s.width() + " values" : s.toString(), 10, y + 36);
            double lo = 0;
            double hi = 0;
            for (double a : v) {
                lo = Math.min(lo, a);
                hi = Math.max(hi, a);
            }
            boolean signed = lo < 0;
            double scale = signed ? Math.max(-lo, hi) : hi;
            if (s.channels() == 1 && s.height() == 1) {
                strip(g, v, y, signed, scale);
            } else {
                int zoom = Math.max(1, TILE / Math.max(s.height(), s.width()));
                int shown = Math.min(s.channels(), MAX_TILES);
                for (int c = 0; c < shown; c++) {
                    int x0 = LABEL_W + c * (TILE + GAP);
                    for (int yy = 0; yy < s.height(); yy++) {
                        for (int xx = 0; xx < s.width(); xx++) {
                            g.setColor(grey(v[c * s.area() + yy * s.width() + xx], signed, scale));
                            g.fillRect(x0 + xx * zoom, y + yy * zoom, zoom, zoom);
                        }
                    }
                }
                if (s.channels() > shown) {
                    g.setColor(Color.DARK_GRAY);
                    g.drawString("(first " + shown + " of " + s.channels() + ")", LABEL_W, y + TILE + 6);
                }
            }
            y += rowHeight(i) + 6;
        }
        g.dispose();
        return im;
    }

    private static void strip(Graphics2D g, double[] v, int y, boolean signed, double scale) {
        int avail = MAX_TILES * (TILE + GAP);
        int cell = Math.max(2, Math.min(40, avail / v.length));
        for (int q = 0; q < v.length; q++) {
            g.setColor(grey(v[q], signed, scale));
            g.fillRect(LABEL_W + q * cell, y + 2, cell, 20);
        }
        g.setColor(Color.GRAY);
        g.drawRect(LABEL_W, y + 2, cell * v.length, 20);
        if (v.length <= 20) {
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            FontMetrics fm = g.getFontMetrics();
            for (int q = 0; q < v.length; q++) {
                String t = Integer.toString(q);
                g.drawString(t, LABEL_W + q * cell + (cell - fm.stringWidth(t)) / 2, y + 36);
            }
        }
    }

    private static Color grey(double a, boolean signed, double scale) {
        double t = scale > 0 ? (signed ? 0.5 + 0.5 * a / scale : a / scale) : signed ? 0.5 : 0;
        int l = (int) Math.round(255 * Math.max(0, Math.min(1, t)));
        return new Color(l, l, l);
    }

    @Override
    public MimeBundle mimeBundle() {
        return MimeBundle.png(visionlab.image.Png.encode(image()), toString());
    }

    @Override
    public String toString() {
        // one line (the picture carries every layer's label and shape)
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "Feature maps, %d layers: ", n()));
        for (int i = 0; i <= n(); i++) {
            b.append(i == 0 ? "" : " -> ").append(label(i)).append(' ').append(shapes.get(i));
        }
        return b.toString();
    }
}
