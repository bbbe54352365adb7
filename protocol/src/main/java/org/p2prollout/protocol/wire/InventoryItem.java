package org.p2prollout.protocol.wire;

import java.util.Objects;
import org.p2prollout.protocol.ByteReader;
import org.p2prollout.protocol.ByteWriter;
import org.p2prollout.protocol.SoftwareId;
import org.p2prollout.protocol.Version;
import org.p2prollout.protocol.manifest.Digest;

/**
 * One release as an announcement names it: software, version and the digest of its signed
 * manifest. The version is a claim until the manifest with that digest has been verified.
 * Encoding: name (u8 length + UTF-8), version (3 x u16), digest (32 bytes): {@code 39 + nameBytes}.
 */
public record InventoryItem(SoftwareId software, Version version, Digest manifestDigest) {
    public InventoryItem {
        Objects.requireNonNull(software, "software");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(manifestDigest, "manifestDigest");
    }

    public int encodedSize() {
        return 1 + software.utf8Length() + 6 + Digest.LENGTH;
    }

    void writeTo(ByteWriter w) {
        w.shortString(software.name()).u16(version.major()).u16(version.minor()).u16(version.patch())
                .bytes(manifestDigest.toBytes());
    }

    static InventoryItem read(ByteReader r) {
        SoftwareId name = WireCodec.readName(r, "inventory name");
        Version v = new Version(r.u16("version major"), r.u16("version minor"), r.u16("version patch"));
        return new InventoryItem(name, v, Digest.of(r.bytes(Digest.LENGTH, "manifest digest")));
    }
}
