package org.p2prollout.model.trace;

/** What the two coordinates of a raw fix are. */
public enum CoordinateKind {
    /** Latitude and longitude in degrees (WGS84); projected to local metres before use. */
    GEO,
    /** Cartesian x and y in metres. */
    METRES
}
