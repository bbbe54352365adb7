package org.p2prollout.model.spatial;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.p2prollout.core.InvalidInputException;

/**
 * Slots of local time: each hour of the day ({@code 24} slots) or of the week ({@code 168}; slot
 * 0 = Monday 00:00–01:00), in the fleet's time zone. Immutable.
 *
 * @param zone  the fleet's time zone
 * @param slots 24 (hour of day) or 168 (hour of week)
 */
public record DayClock(ZoneId zone, int slots) {
    /** Seconds per slot. */
    public static final double SLOT_SECONDS = 3600;

    public DayClock {
        if (slots != 24 && slots != 168) {
            throw new InvalidInputException("time slots must be 24 (hour of day) or 168 (hour of week), got " + slots);
        }
    }

    /** The slot in force at time {@code t} (seconds since the epoch). */
    public int slot(double t) {
        ZonedDateTime z = Instant.ofEpochSecond((long) Math.floor(t)).atZone(zone);
        int hour = z.getHour();
        return slots == 24 ? hour : (z.getDayOfWeek().getValue() - 1) * 24 + hour;
    }

    /** Seconds between UTC and local time at {@code t}. */
    public int offsetSeconds(double t) {
        return zone.getRules().getOffset(Instant.ofEpochSecond((long) Math.floor(t))).getTotalSeconds();
    }

    /** Human name of slot {@code s}, e.g. "08h" or "Tue 08h". */
    public String name(int s) {
        if (slots == 24) {
            return String.format(java.util.Locale.ROOT, "%02dh", s);
        }
        String[] d = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
        return String.format(java.util.Locale.ROOT, "%s %02dh", d[s / 24], s % 24);
    }
}
