package org.p2prollout.model.contact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.p2prollout.core.InvalidInputException;

class ContactTest {
    @Test
    void canonicalFormPutsTheSmallerDeviceFirst() {
        Contact c = Contact.of(7, 3, 10.0, 70.0);
        assertEquals(3, c.a());
        assertEquals(7, c.b());
        assertEquals(60.0, c.duration());
    }

    @Test
    void rejectsSelfContactsAndReversedIntervals() {
        assertThrows(InvalidInputException.class, () -> Contact.of(4, 4, 0, 1));
        assertThrows(InvalidInputException.class, () -> new Contact(1, 2, 5, 4));
        assertThrows(InvalidInputException.class, () -> new Contact(1, 2, Double.NaN, 4));
    }
}
