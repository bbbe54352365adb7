package org.p2prollout.model.trace;

import java.util.List;
import org.p2prollout.model.contact.Contact;

/**
 * A contact list read from a file (ONE connection events, CSV or a whitespace table).
 *
 * @param source         the path read
 * @param format         the format read
 * @param detected       true when the format was detected from content
 * @param deviceNames    names as in the input, index = device (numeric names in numeric order);
 *                       only the devices kept by the device filter
 * @param contacts       the contacts, sorted by start time, with {@code a < b}; times in seconds
 * @param from           start of the observation window, seconds (given, or the first event)
 * @param to             end of the observation window, seconds (given, or the last event)
 * @param malformedLines malformed lines skipped under {@code --lenient}
 * @param openAtEnd      contacts still up at the end of the input, closed at {@code to}
 * @param timeUnit       the unit the input's times were read in (converted to seconds)
 * @param deviceFilter   the device filter applied ({@link DeviceFilter#describe()}), or null: none
 * @param devicesDropped devices of the input dropped by the filter (0 without one)
 * @param contactsDropped contacts (after merging) dropped because they involve a dropped device
 * @param warnings       what the reader thinks the user should know, one sentence each (e.g.
 *                       that devices that never record dominate); empty when all is well
 */
public record ContactTrace(String source, TraceFormat format, boolean detected, List<String> deviceNames,
                           List<Contact> contacts, double from, double to, long malformedLines,
                           long openAtEnd, TraceTimeUnit timeUnit, String deviceFilter, int devicesDropped,
                           long contactsDropped, List<String> warnings) implements TraceData {
    public ContactTrace {
        deviceNames = List.copyOf(deviceNames);
        contacts = List.copyOf(contacts);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
        if (timeUnit == null) {
            timeUnit = TraceTimeUnit.SECONDS;
        }
    }

    /** Contacts in seconds with no device filter and no warnings (e.g. a simulator's contact log). */
    public ContactTrace(String source, TraceFormat format, boolean detected, List<String> deviceNames,
                        List<Contact> contacts, double from, double to, long malformedLines, long openAtEnd) {
        this(source, format, detected, deviceNames, contacts, from, to, malformedLines, openAtEnd,
                TraceTimeUnit.SECONDS, null, 0, 0, List.of());
    }

    @Override
    public int devices() {
        return deviceNames.size();
    }
}
