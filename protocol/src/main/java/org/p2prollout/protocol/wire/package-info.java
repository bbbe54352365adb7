/**
 * The messages devices exchange, their strict binary codec ({@link org.p2prollout.protocol.wire.WireCodec})
 * and their encoded sizes ({@link org.p2prollout.protocol.wire.WireSizes}, the one source of the
 * figures the simulator charges; docs/PROTOCOL.md documents the layout).
 *
 * <p>May import: the JDK, {@code org.p2prollout.core}, the protocol's root package and
 * {@code manifest}.
 */
package org.p2prollout.protocol.wire;
