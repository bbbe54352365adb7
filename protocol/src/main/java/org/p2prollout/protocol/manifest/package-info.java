/**
 * Releases and their metadata: manifests (software, version, dependencies, piece hashes),
 * Ed25519 signatures, SHA-256 digests, publishers, and the verifier a device runs before it
 * trusts a manifest or a piece.
 *
 * <p>May import: the JDK, {@code org.p2prollout.core} and the protocol's root package.
 */
package org.p2prollout.protocol.manifest;
