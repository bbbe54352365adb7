/**
 * The honest device ({@link org.p2prollout.protocol.node.DeviceNode}) and the infrastructure
 * server ({@link org.p2prollout.protocol.node.ServerNode}): sans-I/O state machines with their
 * configuration, sessions, downloads, peer memory and install gossip.
 *
 * <p>May import: the JDK, {@code org.p2prollout.core} and the other protocol packages except
 * {@code adversary}.
 */
package org.p2prollout.protocol.node;
