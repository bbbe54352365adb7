package org.p2prollout.model.pieces;

import org.p2prollout.core.Checks;
import org.p2prollout.core.InvalidInputException;
import org.p2prollout.protocol.selection.PiecePolicy;

/**
 * A closed fleet distributing an update of K pieces (PRODUCT.md section 4.4).
 *
 * <p>Rules. Every pair of devices meets at rate lambda. On a contact each side, independently with
 * probability p, receives up to k of the pieces it lacks and the other side held before the
 * contact, chosen by the policy. Each device lacking pieces reaches the server at rate mu and gets
 * one piece, chosen by the policy among those it lacks. At time 0, m devices hold every piece
 * and the others none. With K = 1 this is the chain of section 4.2.
 *
 * @param nodes          N &gt;= 1
 * @param pieces         K in [1, 16]
 * @param perContact     k &gt;= 1, most pieces per direction per contact
 * @param policy         piece selection, one of {@link PieceSubsets#MODELLED}
 * @param rate           lambda per pair, per second
 * @param serverRate     mu per device lacking pieces, per second
 * @param success        p in [0, 1] per direction per contact
 * @param initialHolders m in [0, N] devices holding the whole update at time 0
 * @param serverPerVisit most pieces the server hands out per visit, &gt;= 1
 */
public record MultiPieceSwarm(int nodes, int pieces, int perContact, PiecePolicy policy, double rate,
        double serverRate, double success, int initialHolders, int serverPerVisit) {
    /** A swarm whose server hands out one piece per visit. */
    public MultiPieceSwarm(int nodes, int pieces, int perContact, PiecePolicy policy, double rate, double serverRate,
            double success, int initialHolders) {
        this(nodes, pieces, perContact, policy, rate, serverRate, success, initialHolders, 1);
    }

    public MultiPieceSwarm {
        Checks.inRange("server pieces per visit", serverPerVisit, 1, Integer.MAX_VALUE);
        Checks.inRange("nodes", nodes, 1, Integer.MAX_VALUE);
        Checks.inRange("pieces", pieces, 1, 16);
        Checks.inRange("perContact", perContact, 1, Integer.MAX_VALUE);
        PieceSubsets.modelled(policy);
        Checks.nonNegative("rate", rate);
        Checks.nonNegative("serverRate", serverRate);
        Checks.probability("success", success);
        Checks.inRange("initialHolders", initialHolders, 0, nodes);
        if (serverRate == 0 && initialHolders < nodes && (initialHolders == 0 || rate * success == 0)) {
            throw new InvalidInputException("with 'serverRate' 0 the update never spreads: need 'initialHolders' >= 1 and"
                    + " 'rate' and 'success' > 0");
        }
    }

    /** Mask of the whole update. */
    public int fullSet() {
        return (1 << pieces) - 1;
    }
}
