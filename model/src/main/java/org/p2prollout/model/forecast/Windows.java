package org.p2prollout.model.forecast;

import java.util.ArrayList;
import java.util.List;
import org.p2prollout.model.contact.Contact;
import org.p2prollout.model.rates.IntervalSet;
import org.p2prollout.model.spread.TemporalContacts;

/** Restricting a trace's contacts and presence to windows of its clock. */
final class Windows {
    private Windows() {
    }

    /** True when {@code t} lies in one of the windows. */
    static boolean contains(List<double[]> windows, double t) {
        for (double[] w : windows) {
            if (t >= w[0] && t < w[1]) {
                return true;
            }
        }
        return false;
    }

    /** Total length of the windows, seconds. */
    static double seconds(List<double[]> windows) {
        double s = 0;
        for (double[] w : windows) {
            s += w[1] - w[0];
        }
        return s;
    }

    /** The part of {@code set} inside the windows (sorted, disjoint). */
    static IntervalSet clip(IntervalSet set, List<double[]> windows) {
        IntervalSet.Builder b = new IntervalSet.Builder();
        for (double[] w : windows) {
            for (int i = 0; i < set.size(); i++) {
                double a = Math.max(set.start(i), w[0]);
                double e = Math.min(set.end(i), w[1]);
                if (e > a) {
                    b.add(a, e);
                }
            }
        }
        return b.build();
    }

    /** Contacts starting inside the windows. */
    static List<Contact> contacts(TemporalContacts net, List<double[]> windows) {
        List<Contact> out = new ArrayList<>();
        for (Contact c : net.contactList()) {
            if (contains(windows, c.start())) {
                out.add(c);
            }
        }
        return out;
    }

    /** Presence of every device clipped to the windows. */
    static List<IntervalSet> presence(TemporalContacts net, List<double[]> windows) {
        List<IntervalSet> out = new ArrayList<>(net.devices());
        for (int d = 0; d < net.devices(); d++) {
            out.add(clip(net.presence(d), windows));
        }
        return out;
    }

    /** The network restricted to the windows: contacts starting in them, presence clipped, span of the windows. */
    static TemporalContacts restrict(TemporalContacts net, List<double[]> windows) {
        return TemporalContacts.of(net.names(), contacts(net, windows), presence(net, windows), windows.get(0)[0],
                windows.get(windows.size() - 1)[1]);
    }
}
