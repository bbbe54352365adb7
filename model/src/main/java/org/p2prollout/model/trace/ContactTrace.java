package org.p2prollout.model.trace;

import java.util.List;
import org.p2prollout.model.contact.Contact;

/**
 * A contact list read from a file (ONE connection events, CSV or a whitespace table).
 *
 * @param source         the path read
 * @param format         the format read
 * @param detected       true when the format was detected from content
 * @param deviceNames    names as in the input, index = device (numeric names in numeric order)
 * @param contacts       the contacts, sorted by start time, with {@code a < b}
 * @param from           start of the observation window, seconds (given, or the first event)
 * @param to             end of the observation window, seconds (given, or the last event)
 * @param malformedLines malformed lines skipped under {@code --lenient}
 * @param openAtEnd      contacts still up at the end of the input, closed at {@code to}
 */
public record ContactTrace(String source, TraceFormat format, boolean detected, List<String> deviceNames,
                           List<Contact> contacts, double from, double to, long malformedLines,
                           long openAtEnd) implements TraceData {
    public ContactTrace {
        deviceNames = List.copyOf(deviceNames);
        contacts = List.copyOf(contacts);
    }

    @Override
    public int devices() {
        return deviceNames.size();
    }
}
