/**
 * Hostile devices for tests and simulations: {@link org.p2prollout.protocol.adversary.HostileNode}
 * wraps an honest node and carries out one {@link org.p2prollout.protocol.adversary.Attack}.
 *
 * <p>May import: the JDK, {@code org.p2prollout.core} and the other protocol packages.
 */
package org.p2prollout.protocol.adversary;
