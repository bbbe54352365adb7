package org.p2prollout.validation.suite;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;

/**
 * A copy of a record with one component replaced, through its canonical constructor (so its
 * checks run). Used to vary one scenario setting without depending on every component of the
 * simulator's records, which grow as the simulator does.
 */
final class Records {
    private Records() {
    }

    @SuppressWarnings("unchecked")
    static <R extends Record> R with(R record, String component, Object value) {
        RecordComponent[] components = record.getClass().getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        boolean found = false;
        try {
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                if (components[i].getName().equals(component)) {
                    values[i] = value;
                    found = true;
                } else {
                    values[i] = components[i].getAccessor().invoke(record);
                }
            }
            if (!found) {
                throw new IllegalArgumentException(record.getClass().getSimpleName() + " has no component " + component);
            }
            Constructor<?> canonical = record.getClass().getDeclaredConstructor(types);
            return (R) canonical.newInstance(values);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot copy " + record.getClass().getSimpleName() + ": " + e, e);
        }
    }
}
