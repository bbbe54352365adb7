package org.p2prollout.model.contact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContactStoreTest {
    @Test
    void growsKeepsOrderNormalisesPairsAndSurvivesSerialisation() throws Exception {
        ContactStore s = new ContactStore(1);
        for (int k = 0; k < 100; k++) {
            s.addPair(k % 7 + 1, 0, k, k + 0.5);
        }
        int open = s.add(3, 4, 200, Double.NaN);
        s.setEnd(open, 250);
        assertEquals(101, s.size());
        assertEquals(new Contact(0, 3, 2, 2.5), s.contacts().get(2)); // stored a < b
        assertEquals(new Contact(3, 4, 200, 250), s.contacts().get(100));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(s);
        }
        ContactStore back;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            back = (ContactStore) in.readObject();
        }
        assertEquals(s, back);
        assertEquals(s.hashCode(), back.hashCode());
        assertEquals(List.copyOf(s.contacts()), List.copyOf(back.contacts()));
        back.add(5, 6, 300, 301);
        assertNotEquals(s, back);
    }
}
