/**
 * Releases and the trust in them: manifests (software, version, dependencies, validity window,
 * piece hashes), Ed25519 signatures, SHA-256 digests, publishers, the verifier a device runs
 * before it trusts a manifest or a piece, publisher-certified device keys
 * ({@link org.p2prollout.protocol.manifest.DeviceCertificate}, {@link org.p2prollout.protocol.manifest.DeviceIdentity})
 * and the root of trust after TUF ({@link org.p2prollout.protocol.manifest.TrustRoot},
 * {@link org.p2prollout.protocol.manifest.RootOfTrust}: k-of-n root keys, rotation, revocation,
 * version ceiling).
 *
 * <p>May import: the JDK, {@code org.p2prollout.core} and the protocol's root package.
 */
package org.p2prollout.protocol.manifest;
