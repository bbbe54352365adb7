package org.p2prollout.model.trace;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.p2prollout.core.InvalidInputException;

/** The input formats the rates pipeline reads; {@link #cliName()} is the {@code --format} value. */
public enum TraceFormat {
    /** A directory of {@code new_<cab>.txt} files, lines {@code lat lon occupied unix_time}. */
    CABSPOTTING("cabspotting", false),
    /** SUMO floating-car data XML ({@code <timestep><vehicle id x y/>}), cartesian metres or geo lon/lat. */
    SUMO_FCD("sumo-fcd", false),
    /** The ONE simulator's external movement: header {@code minTime maxTime minX maxX minY maxY}, lines {@code time id x y}. */
    ONE_MOVEMENT("one-movement", false),
    /** The ONE simulator's connection events: lines {@code time CONN a b up|down}. */
    ONE_CONNECTIONS("one-connections", true),
    /** A contact list in CSV: {@code a,b,start,end} (an optional header line is skipped). */
    CONTACTS_CSV("contacts-csv", true),
    /** A whitespace-separated contact table (CRAWDAD/Haggle style {@code a b start end ...}) with a column mapping. */
    CONTACTS_TABLE("contacts-table", true);

    private final String cliName;
    private final boolean contactList;

    TraceFormat(String cliName, boolean contactList) {
        this.cliName = cliName;
        this.contactList = contactList;
    }

    public String cliName() {
        return cliName;
    }

    /** True when the format lists contacts directly (positions, resampling and detection are skipped). */
    public boolean isContactList() {
        return contactList;
    }

    /** The format named {@code name} on the command line. */
    public static TraceFormat fromCliName(String name) {
        for (TraceFormat f : values()) {
            if (f.cliName.equalsIgnoreCase(name)) {
                return f;
            }
        }
        throw new InvalidInputException("format must be one of " + names() + ", got '" + name + "'");
    }

    /** All {@code --format} values, comma separated. */
    public static String names() {
        return Arrays.stream(values()).map(TraceFormat::cliName).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return cliName;
    }
}
