package org.p2prollout.protocol.manifest;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.p2prollout.protocol.ByteReader;
import org.p2prollout.protocol.ByteWriter;
import org.p2prollout.protocol.MalformedMessageException;
import org.p2prollout.protocol.SoftwareId;
import org.p2prollout.protocol.Version;

/**
 * What a publisher signs about one release: name, version, dependencies, priority, size, piece
 * size and the SHA-256 of every piece. Immutable; its canonical encoding ({@link #encode()}) is
 * what the Ed25519 signature covers and what {@link #digest()} hashes.
 *
 * <p>Encoding (big-endian): name (u8 length + UTF-8), version (3 x u16), u16 dependency count,
 * each dependency (name, version), i32 priority, i64 size, i32 piece size, i32 piece count,
 * then 32 bytes per piece hash. Its length is
 * {@code 29 + nameBytes + sum(7 + depNameBytes) + 32 * pieceCount}.
 *
 * <p>Pieces: {@code pieceCount = ceil(size / pieceSize)}; every piece is {@code pieceSize} bytes
 * except the last, which holds the remainder.
 */
public final class Manifest {
    /**
     * Largest piece count accepted (65,536), so a manifest stays within the maximum message size
     * (2 MiB of hashes) and a hostile one cannot make a device hash or allocate without bound.
     */
    public static final int MAX_PIECES = 1 << 16;
    /** Largest piece size accepted, in bytes (16 MiB): a piece frame fits the maximum message size. */
    public static final int MAX_PIECE_SIZE = 16 << 20;

    private final SoftwareId software;
    private final Version version;
    private final List<Dependency> dependencies;
    private final int priority;
    private final long issuedAtMillis;
    private final long expiresAtMillis;
    private final long size;
    private final int pieceSize;
    private final List<Digest> pieceHashes;
    private final byte[] encoded;
    private final Digest digest;

    /**
     * @param priority higher is more urgent; any int
     * @param size total bytes, >= 1
     * @param pieceSize bytes per piece, in [1, {@link #MAX_PIECE_SIZE}]
     * @param pieceHashes SHA-256 of each piece; exactly {@code ceil(size / pieceSize)} of them
     */
    public Manifest(SoftwareId software, Version version, List<Dependency> dependencies, int priority,
                    long size, int pieceSize, List<Digest> pieceHashes) {
        this(software, version, dependencies, priority, 0, NEVER, size, pieceSize, pieceHashes);
    }

    /** An expiry time meaning "never expires". */
    public static final long NEVER = Long.MAX_VALUE;

    /**
     * A manifest with a validity window (TUF's freeze defence): devices refuse it before
     * {@code issuedAtMillis} minus their clock skew allowance and from {@code expiresAtMillis} on.
     *
     * @param issuedAtMillis  when the publisher signed it, milliseconds on the publisher's clock
     * @param expiresAtMillis from when devices refuse it, &gt;= issuedAtMillis ({@link #NEVER}: never)
     */
    public Manifest(SoftwareId software, Version version, List<Dependency> dependencies, int priority,
                    long issuedAtMillis, long expiresAtMillis, long size, int pieceSize, List<Digest> pieceHashes) {
        this.issuedAtMillis = issuedAtMillis;
        this.expiresAtMillis = expiresAtMillis;
        this.software = Objects.requireNonNull(software, "software");
        this.version = Objects.requireNonNull(version, "version");
        this.dependencies = List.copyOf(dependencies);
        this.priority = priority;
        this.size = size;
        this.pieceSize = pieceSize;
        this.pieceHashes = List.copyOf(pieceHashes);
        String problem = validate();
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        this.encoded = writeBody();
        this.digest = Digest.sha256(encoded);
    }

    private String validate() {
        if (expiresAtMillis < issuedAtMillis) {
            return "manifest expires (" + expiresAtMillis + " ms) before it is issued (" + issuedAtMillis + " ms)";
        }
        if (size < 1) {
            return "manifest size must be >= 1 byte, got " + size;
        }
        if (pieceSize < 1 || pieceSize > MAX_PIECE_SIZE) {
            return "manifest piece size must be in [1, " + MAX_PIECE_SIZE + "] bytes, got " + pieceSize;
        }
        long expected = (size + pieceSize - 1) / pieceSize;
        if (expected > MAX_PIECES) {
            return "manifest piece count must be <= " + MAX_PIECES + ", got " + expected;
        }
        if (pieceHashes.size() != expected) {
            return "manifest of " + size + " bytes in pieces of " + pieceSize + " needs " + expected
                    + " piece hashes, got " + pieceHashes.size();
        }
        if (dependencies.size() > 0xFFFF) {
            return "manifest may list at most 65535 dependencies, got " + dependencies.size();
        }
        Set<SoftwareId> seen = new HashSet<>();
        for (Dependency d : dependencies) {
            if (d.software().equals(software)) {
                return "manifest of " + software + " must not depend on itself";
            }
            if (!seen.add(d.software())) {
                return "manifest of " + software + " lists dependency " + d.software() + " twice";
            }
        }
        return null;
    }

    private byte[] writeBody() {
        ByteWriter w = new ByteWriter(encodedSize());
        w.shortString(software.name());
        writeVersion(w, version);
        w.u16(dependencies.size());
        for (Dependency d : dependencies) {
            w.shortString(d.software().name());
            writeVersion(w, d.minimum());
        }
        w.i32(priority).i64(issuedAtMillis).i64(expiresAtMillis).i64(size).i32(pieceSize).i32(pieceHashes.size());
        for (Digest h : pieceHashes) {
            w.bytes(h.toBytes());
        }
        return w.toByteArray();
    }

    static void writeVersion(ByteWriter w, Version v) {
        w.u16(v.major()).u16(v.minor()).u16(v.patch());
    }

    static Version readVersion(ByteReader r, String field) {
        return new Version(r.u16(field + " major"), r.u16(field + " minor"), r.u16(field + " patch"));
    }

    /** Decodes a manifest body from {@code r} (consuming exactly its bytes). */
    public static Manifest decode(ByteReader r) {
        SoftwareId name = readName(r, "manifest name");
        Version version = readVersion(r, "manifest version");
        int depCount = r.u16("dependency count");
        Dependency[] deps = new Dependency[Math.min(depCount, r.remaining() / 8 + 1)];
        if (depCount > deps.length) {
            throw new MalformedMessageException("dependency count " + depCount + " exceeds the bytes that follow");
        }
        for (int i = 0; i < depCount; i++) {
            deps[i] = new Dependency(readName(r, "dependency name"), readVersion(r, "dependency version"));
        }
        int priority = r.i32("priority");
        long issued = r.i64("issued at");
        long expires = r.i64("expires at");
        long size = r.i64("size");
        int pieceSize = r.i32("piece size");
        int count = r.u31("piece count");
        if ((long) count * Digest.LENGTH > r.remaining()) {
            throw new MalformedMessageException("piece count " + count + " exceeds the bytes that follow");
        }
        Digest[] hashes = new Digest[count];
        for (int i = 0; i < count; i++) {
            hashes[i] = Digest.of(r.bytes(Digest.LENGTH, "piece hash"));
        }
        try {
            return new Manifest(name, version, List.of(deps), priority, issued, expires, size, pieceSize, List.of(hashes));
        } catch (IllegalArgumentException e) {
            throw new MalformedMessageException("inconsistent manifest: " + e.getMessage());
        }
    }

    static SoftwareId readName(ByteReader r, String field) {
        String s = r.shortString(field);
        try {
            return new SoftwareId(s);
        } catch (IllegalArgumentException e) {
            throw new MalformedMessageException(field + ": " + e.getMessage());
        }
    }

    public SoftwareId software() {
        return software;
    }

    public Version version() {
        return version;
    }

    public List<Dependency> dependencies() {
        return dependencies;
    }

    public int priority() {
        return priority;
    }

    /** Total bytes of the release. */
    public long size() {
        return size;
    }

    /** Bytes per piece (the last piece may be shorter). */
    public int pieceSize() {
        return pieceSize;
    }

    public int pieceCount() {
        return pieceHashes.size();
    }

    /** Length in bytes of piece {@code index} (0-based). */
    public int pieceLength(int index) {
        if (index < 0 || index >= pieceCount()) {
            throw new IndexOutOfBoundsException("piece " + index + " of " + pieceCount());
        }
        return (int) Math.min(pieceSize, size - (long) index * pieceSize);
    }

    public List<Digest> pieceHashes() {
        return pieceHashes;
    }

    public Digest pieceHash(int index) {
        return pieceHashes.get(index);
    }

    /** SHA-256 of the canonical encoding: the identity of this release in announcements and requests. */
    public Digest digest() {
        return digest;
    }

    /** A copy of the canonical encoding (what is signed). */
    public byte[] encode() {
        return encoded.clone();
    }

    /** Length of {@link #encode()} in bytes. */
    /** When the publisher signed this manifest, milliseconds. */
    public long issuedAtMillis() {
        return issuedAtMillis;
    }

    /** From when devices refuse this manifest, milliseconds ({@link #NEVER}: never). */
    public long expiresAtMillis() {
        return expiresAtMillis;
    }

    public int encodedSize() {
        int n = 1 + software.utf8Length() + 6 + 2;
        for (Dependency d : dependencies) {
            n += d.encodedSize();
        }
        return n + 4 + 8 + 8 + 8 + 4 + 4 + Digest.LENGTH * pieceHashes.size();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Manifest m && digest.equals(m.digest);
    }

    @Override
    public int hashCode() {
        return digest.hashCode();
    }

    @Override
    public String toString() {
        return software + " " + version + " (" + pieceCount() + " pieces, " + size + " bytes, digest " + digest + ")";
    }
}
