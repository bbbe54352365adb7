package org.p2prollout.validation.suite;

import java.util.List;
import java.util.Locale;
import org.p2prollout.model.contact.Contact;
import org.p2prollout.model.mobility.CityParameters;
import org.p2prollout.model.mobility.MobilityContacts;
import org.p2prollout.core.ProgressListener;

/**
 * Contacts of a synthetic city fleet (cars on a street grid, some parked), a new realisation per
 * replication: the city's seed is {@code seed * 1_000_003 + replication}, so replications differ
 * and each is reproducible.
 *
 * @param city     the fleet
 * @param range    radio range, metres
 * @param step     sampling step of positions, seconds
 * @param duration seconds after release
 */
public record CityContacts(CityParameters city, double range, double step, double duration) implements ContactSupply {
    @Override
    public int devices() {
        return city.devices();
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "synthetic city: %d devices on a %.0f x %.0f m street grid (%.0f m blocks),"
                + " %.0f%% parked, range %.0f m, sampled every %.0f s", city.devices(), city.area().width(),
                city.area().height(), city.blockLength(), 100 * city.parkedShare(), range, step);
    }

    @Override
    public List<Contact> contacts(long seed, int replication) {
        return MobilityContacts.collect(city.create(seed * 1_000_003L + replication), range, step, duration,
                ProgressListener.NONE).contacts();
    }
}
