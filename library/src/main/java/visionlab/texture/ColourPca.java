package visionlab.texture;

import visionlab.image.Image;

/**
 * Decorrelated colour axes of a sample, as Heeger and Bergen use for colour textures: the principal
 * components of its RGB values. With mean {@code mu} and covariance {@code C = V diag(lambda) V^T},
 * {@code p = V^T (rgb - mu)} gives three uncorrelated channels (synthesised one by one) and
 * {@code rgb = mu + V p} maps them back.
 */
final class ColourPca {

    final double[] mean = new double[3];
    /** Columns are the principal axes, largest variance first. */
    final double[][] axes = new double[3][3];
    final double[] variances = new double[3];

    ColourPca(Image rgb) {
        int n = rgb.pixels();
        double[][] cov = new double[3][3];
        for (int c = 0; c < 3; c++) {
            double s = 0;
            for (float v : rgb.plane(c)) {
                s += v;
            }
            mean[c] = s / n;
        }
        for (int a = 0; a < 3; a++) {
            for (int b = a; b < 3; b++) {
                float[] pa = rgb.plane(a);
                float[] pb = rgb.plane(b);
                double s = 0;
                for (int i = 0; i < n; i++) {
                    s += (pa[i] - mean[a]) * (pb[i] - mean[b]);
                }
                cov[a][b] = cov[b][a] = s / n;
            }
        }
        jacobi(cov);
    }

    /** Eigenvalues and eigenvectors of the symmetric 3x3 {@code a} (Jacobi rotations), sorted descending. */
    private void jacobi(double[][] a) {
        double[][] v = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
        for (int sweep = 0; sweep < 50; sweep++) {
            double off = a[0][1] * a[0][1] + a[0][2] * a[0][2] + a[1][2] * a[1][2];
            if (off < 1e-30) {
                break;
            }
            for (int p = 0; p < 2; p++) {
                for (int q = p + 1; q < 3; q++) {
                    if (a[p][q] == 0) {
                        continue;
                    }
                    double theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
                    double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                    if (theta == 0) {
                        t = 1;
                    }
                    double c = 1 / Math.sqrt(t * t + 1);
                    double s = t * c;
                    for (int k = 0; k < 3; k++) { // a = J^T a J
                        double akp = a[k][p];
                        double akq = a[k][q];
                        a[k][p] = c * akp - s * akq;
                        a[k][q] = s * akp + c * akq;
                    }
                    for (int k = 0; k < 3; k++) {
                        double apk = a[p][k];
                        double aqk = a[q][k];
                        a[p][k] = c * apk - s * aqk;
                        a[q][k] = s * apk + c * aqk;
                    }
                    for (int k = 0; k < 3; k++) {
                        double vkp = v[k][p];
                        double vkq = v[k][q];
                        v[k][p] = c * vkp - s * vkq;
                        v[k][q] = s * vkp + c * vkq;
                    }
                }
            }
        }
        Integer[] idx = {0, 1, 2};
        java.util.Arrays.sort(idx, (i, j) -> Double.compare(a[j][j], a[i][i]));
        for (int j = 0; j < 3; j++) {
            variances[j] = a[idx[j]][idx[j]];
            for (int k = 0; k < 3; k++) {
                axes[k][j] = v[k][idx[j]];
            }
        }
    }

    /** The principal-component channels {@code p = V^T (rgb - mu)} of an RGB image. */
    Image forward(Image rgb) {
        double[][] vt = new double[3][3];
        for (int j = 0; j < 3; j++) {
            for (int k = 0; k < 3; k++) {
                vt[j][k] = axes[k][j];
            }
        }
        return affine(rgb, vt, mean, new double[3]);
    }

    /** The RGB image {@code mu + V p} of principal-component channels p. */
    Image inverse(Image p) {
        return affine(p, axes, new double[3], mean);
    }

    /** {@code out_j = post_j + sum_k m[j][k] (in_k - pre_k)}, pixel by pixel. */
    private static Image affine(Image in, double[][] m, double[] pre, double[] post) {
        Image out = in.zerosLike();
        int n = in.pixels();
        for (int j = 0; j < 3; j++) {
            float[] o = out.plane(j);
            for (int i = 0; i < n; i++) {
                double s = post[j];
                for (int k = 0; k < 3; k++) {
                    s += m[j][k] * (in.plane(k)[i] - pre[k]);
                }
                o[i] = (float) s;
            }
        }
        return out;
    }
}
