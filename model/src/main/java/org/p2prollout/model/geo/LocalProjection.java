package org.p2prollout.model.geo;

import org.p2prollout.core.InvalidInputException;

/**
 * Local equirectangular projection of latitude/longitude (degrees) to metres about a centre
 * (φ0, λ0), usually the trace's median position:
 * {@code x = R cos φ0 (λ − λ0)}, {@code y = R (φ − φ0)} with the mean Earth radius
 * R = 6,371,008.8 m. x points east, y north.
 *
 * <p><b>Error.</b> North–south distances are exact on the sphere; east–west scale at latitude φ
 * is off by the factor {@code cos φ / cos φ0}, i.e. by about {@code |tan φ0| · |φ − φ0|}
 * relative. Over a city-sized area (within 20 km of the centre, |φ − φ0| ≤ 0.0031 rad) at San
 * Francisco's latitude (37.8°, tan φ0 = 0.78) the relative distance error against the
 * great-circle (haversine) distance is at most 0.25 % (0.25 m on the 100 m contact range),
 * and under 0.1 % within 8 km; {@code LocalProjectionTest} checks these bounds against
 * {@link Haversine}. The spherical Earth itself differs from WGS84 geodesics by up to about
 * 0.5 % in scale, which shifts a 100 m range by at most 0.5 m; both are far below GPS error
 * (5–10 m). Not for areas spanning hundreds of km or near the poles.
 */
public final class LocalProjection {
    /** Mean Earth radius (IUGG), metres. */
    public static final double EARTH_RADIUS = 6_371_008.8;

    private final double lat0;
    private final double lon0;
    private final double kx;
    private final double ky;

    /**
     * @param lat0 centre latitude, degrees in (−85, 85)
     * @param lon0 centre longitude, degrees in [−180, 180]
     */
    public LocalProjection(double lat0, double lon0) {
        if (!(Math.abs(lat0) < 85)) {
            throw new InvalidInputException("projection centre latitude must be in (-85, 85) degrees, got " + lat0);
        }
        if (!(Math.abs(lon0) <= 180)) {
            throw new InvalidInputException("projection centre longitude must be in [-180, 180] degrees, got " + lon0);
        }
        this.lat0 = lat0;
        this.lon0 = lon0;
        this.ky = Math.toRadians(1) * EARTH_RADIUS;
        this.kx = ky * Math.cos(Math.toRadians(lat0));
    }

    public double centreLatitude() {
        return lat0;
    }

    public double centreLongitude() {
        return lon0;
    }

    /** Metres east of the centre. Longitudes are unwrapped across the antimeridian. */
    public double x(double lat, double lon) {
        double dl = lon - lon0;
        if (dl > 180) {
            dl -= 360;
        } else if (dl < -180) {
            dl += 360;
        }
        return kx * dl;
    }

    /** Metres north of the centre. */
    public double y(double lat, double lon) {
        return ky * (lat - lat0);
    }
}
