package org.p2prollout.model.contact;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PairMapTest {
    @Test
    void agreesWithHashMapUnderRandomInsertsAndRemovals() {
        PairMap map = new PairMap();
        Map<Long, Long> reference = new HashMap<>();
        SplittableRandom random = new SplittableRandom(7);
        for (int op = 0; op < 200_000; op++) {
            int a = random.nextInt(200);
            int b = a + 1 + random.nextInt(200);
            long key = PairMap.key(a, b);
            if (random.nextDouble() < 0.6) {
                long value = random.nextLong();
                assertEquals(!reference.containsKey(key), map.put(key, value));
                reference.put(key, value);
            } else {
                assertEquals(reference.remove(key) != null, map.remove(key));
            }
        }
        assertEquals(reference.size(), map.size());
        for (Map.Entry<Long, Long> e : reference.entrySet()) {
            assertEquals(e.getValue(), map.get(e.getKey(), Long.MIN_VALUE));
        }
        assertEquals(3, PairMap.first(PairMap.key(3, 9)));
        assertEquals(9, PairMap.second(PairMap.key(3, 9)));
    }
}
