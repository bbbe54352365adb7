/**
 * The reference P2P update protocol, device side, written sans-I/O: nodes are state machines
 * driven by calls that pass the current time (seconds) and return the frames to send, so the
 * same code runs in the discrete-event simulator and over real sockets.
 *
 * <p>The {@code protocol} module may import the JDK and {@code org.p2prollout.core} only: never
 * the solver, the models, the simulator or the command line ({@code DependencyRuleTest} reads
 * the compiled classes and fails otherwise), so it runs on a device on its own. It is the one
 * home of the piece policies ({@link org.p2prollout.protocol.selection.PiecePolicy}) and of the
 * wire sizes ({@link org.p2prollout.protocol.wire.WireSizes}) that the simulator's device
 * implementations and the models use.
 *
 * <ul>
 *   <li>{@link org.p2prollout.protocol.ProtocolNode}: the node interface and the
 *       transport contract (read it first); {@link org.p2prollout.protocol.Outgoing}
 *       a frame to send; {@link org.p2prollout.protocol.NodeCounters} what a node counts.</li>
 *   <li>{@code manifest}: releases, Ed25519-signed manifests, SHA-256 piece hashes, publishers.</li>
 *   <li>{@code wire}: the messages, their binary encoding and sizes.</li>
 *   <li>{@code selection}: piece-selection policies.</li>
 *   <li>{@code node}: the honest device ({@code DeviceNode}) and the infrastructure server
 *       ({@code ServerNode}).</li>
 *   <li>{@code adversary}: hostile devices for tests and simulations.</li>
 * </ul>
 *
 * <h2>Driving nodes from a simulator</h2>
 * <pre>{@code
 * Publisher pub = Publisher.fromSeed(seed);
 * Release v1 = pub.syntheticRelease(FW, Version.of(1,0,0), List.of(), 0, size, pieceSize, 1);
 * Release v2 = pub.syntheticRelease(FW, Version.of(2,0,0), List.of(), 0, size, pieceSize, 2);
 * ServerNode server = new ServerNode(header, List.of(v2));
 * DeviceNode d = DeviceNode.builder(PeerId.of(i), pub.publicKey())
 *         .config(ProtocolConfig.builder().frameHeaderBytes(header).policy(PiecePolicy.RAREST_FIRST).build())
 *         .random(selectionStream).installRandom(installStream)
 *         .install(v1).build();
 * // contact i-j starts at t: queue both sides' frames, each on its own direction of the link
 * queue(i, nodes[i].contactStarted(PeerId.of(j), t));
 * queue(j, nodes[j].contactStarted(PeerId.of(i), t));
 * // a frame's last byte arrives at t' before the contact ends: deliver, queue the replies
 * queue(j, nodes[j].receive(PeerId.of(i), frame.message(), t'));
 * // contact ends: drop queued frames, count the cut frame's sent bytes as lost, then
 * queue(i, nodes[i].contactEnded(PeerId.of(j), t''));   // frames to OTHER open contacts
 * queue(j, nodes[j].contactEnded(PeerId.of(i), t''));
 * // coverage: nodes[i].hasInstalled(FW, Version.of(2,0,0)), installedAt(...) gives T_q samples
 * }</pre>
 * The same {@link org.p2prollout.protocol.manifest.PieceData} instances travel from
 * node to node in a simulation, so each piece's SHA-256 is computed once, not once per device.
 */
package org.p2prollout.protocol;
