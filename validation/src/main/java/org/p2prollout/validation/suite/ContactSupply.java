package org.p2prollout.validation.suite;

import java.util.List;
import org.p2prollout.model.contact.Contact;

/**
 * Where a case's contacts come from when the simulator does not generate them from the
 * scenario's mobility: a recorded trace (the same contacts every replication) or a synthetic
 * model the simulator has no mobility setting for (a new realisation per replication). Times are
 * seconds since release; devices {@code 0..devices()-1}.
 */
public interface ContactSupply {
    /** Devices the contacts are between. */
    int devices();

    /** One line for the report, e.g. "cabspotting-2h: 459 cabs, 2 h". */
    String describe();

    /** The contacts of replication {@code replication}; a pure function of the arguments. */
    List<Contact> contacts(long seed, int replication);
}
