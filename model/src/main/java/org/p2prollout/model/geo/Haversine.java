package org.p2prollout.model.geo;

/** Great-circle distance on the sphere of radius {@link LocalProjection#EARTH_RADIUS}. */
public final class Haversine {
    private Haversine() {
    }

    /** Distance in metres between two points given in degrees. */
    public static double distance(double lat1, double lon1, double lat2, double lon2) {
        double p1 = Math.toRadians(lat1);
        double p2 = Math.toRadians(lat2);
        double dp = p2 - p1;
        double dl = Math.toRadians(lon2 - lon1);
        double h = Math.sin(dp / 2) * Math.sin(dp / 2)
                + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 2 * LocalProjection.EARTH_RADIUS * Math.asin(Math.min(1, Math.sqrt(h)));
    }
}
