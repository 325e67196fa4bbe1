package visionlab.motion;

import visionlab.image.Image;

/**
 * The luminance of the YIQ colour space, {@code Y = 0.299 R + 0.587 G + 0.114 B}. Motion magnification
 * changes Y only and keeps I and Q (Wadhwa et al. 2013). Both chrominance rows of the YIQ matrix sum to 0,
 * so the inverse matrix adds the same {@code Y' - Y} to R, G and B: {@code RGB' = RGB + (Y' - Y)}.
 */
final class Yiq {

    private Yiq() {
    }

    /** Y of a grey (the plane itself, copied) or RGB image. */
    static float[] luminance(Image img) {
        return img.channels() < 3 ? img.plane(0).clone() : img.grey().plane(0);
    }

    /** The image with luminance {@code y} instead of {@code yOld} and the same chrominance. */
    static Image withLuminance(Image img, float[] yOld, float[] y) {
        int w = img.width();
        int h = img.height();
        if (img.channels() < 3) {
            return Image.of(w, h, y);
        }
        float[][] p = new float[img.channels()][];
        for (int c = 0; c < p.length; c++) {
            float[] src = img.plane(c);
            if (c < 3) {
                float[] d = new float[src.length];
                for (int i = 0; i < d.length; i++) {
                    d[i] = src[i] + (y[i] - yOld[i]);
                }
                p[c] = d;
            } else {
                p[c] = src;
            }
        }
        return Image.of(w, h, p);
    }
}
