package org.p2prollout.model.rates;

import java.util.List;
import org.p2prollout.model.contact.Contact;

/**
 * Everything a rates run produced.
 *
 * @param deviceNames names of the devices as in the input, index = device
 * @param contacts    contacts sorted by start, then a, then b
 * @param rates       the estimates
 * @param summary     the summary (the JSON contract)
 * @param observation when each device was observed (presence)
 */
public record RatesRun(List<String> deviceNames, List<Contact> contacts, EncounterRates rates, RatesSummary summary,
                       Observation observation) {
    public RatesRun {
        deviceNames = List.copyOf(deviceNames);
        contacts = java.util.Collections.unmodifiableList(contacts); // millions of contacts: no copy
    }
}
