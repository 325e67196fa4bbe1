package visionlab.motion;

/**
 * The radial bandwidth of the complex steerable pyramid used by {@link MotionMagnify#phase(Clip)}:
 * one band per octave ({@link #OCTAVE}) or two ({@link #HALF}, narrower filters, as Wadhwa et al. 2013
 * recommend for larger magnifications: a shift is read from a band's phase only while it stays within
 * about half the band's wavelength, and narrower bands ring less).
 */
public enum Octaves {
    OCTAVE, HALF;

    int perOctave() {
        return this == HALF ? 2 : 1;
    }
}
