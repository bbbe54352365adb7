package org.p2prollout.validation.sim.bench;

import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.p2prollout.core.ProgressListener;
import org.p2prollout.solver.bench.Workload;
import org.p2prollout.protocol.Outgoing;
import org.p2prollout.protocol.PeerId;
import org.p2prollout.protocol.SoftwareId;
import org.p2prollout.protocol.Version;
import org.p2prollout.protocol.manifest.ManifestVerifier;
import org.p2prollout.protocol.manifest.Publisher;
import org.p2prollout.protocol.manifest.Release;
import org.p2prollout.protocol.node.DeviceNode;
import org.p2prollout.protocol.node.ProtocolConfig;

/**
 * The protocol alone, without mobility or link timing: 2,000 devices, one seeded with a
 * single-piece release (1 KiB), meet in uniformly random pairs; every contact runs to quiescence
 * (instant transfers) until every device has installed it. Measures the protocol's cost per
 * contact and per frame, the floor under any simulation of the same epidemic.
 */
public final class ProtocolEpidemicWorkload implements Workload {
    static final int DEVICES = 2000;

    @Override
    public String name() {
        return "protocol-epidemic";
    }

    @Override
    public String description() {
        return "protocol state machines only: 2000 devices, 1-piece release, random pairs until all installed"
                + " (goal: well under the simulator's 2 s budget)";
    }

    @Override
    public Map<String, Object> run(ProgressListener progress) {
        Publisher pub = Publisher.fromSeed(1);
        SoftwareId fw = SoftwareId.of("fw");
        Release v1 = pub.syntheticRelease(fw, Version.of(1, 0, 0), List.of(), 0, 1024, 1024, 1);
        Release v2 = pub.syntheticRelease(fw, Version.of(2, 0, 0), List.of(), 0, 1024, 1024, 2);
        ProtocolConfig cfg = ProtocolConfig.defaults();
        ManifestVerifier verifier = ManifestVerifier.of(pub.publicKey());
        DeviceNode[] nodes = new DeviceNode[DEVICES];
        SplittableRandom seeds = new SplittableRandom(7);
        for (int i = 0; i < DEVICES; i++) {
            nodes[i] = DeviceNode.builder(PeerId.of(i), verifier).config(cfg)
                    .random(seeds.split()).install(i == 0 ? v2 : v1).build();
        }
        SplittableRandom pairs = new SplittableRandom(11);
        int holders = 1;
        long contacts = 0;
        long frames = 0;
        long bytes = 0;
        double now = 0;
        ArrayDeque<Object[]> queue = new ArrayDeque<>();
        while (holders < DEVICES) {
            int a = pairs.nextInt(DEVICES);
            int b = pairs.nextInt(DEVICES - 1);
            b = b >= a ? b + 1 : b;
            now += 1;
            contacts++;
            boolean aHad = nodes[a].hasInstalled(fw, v2.manifest().manifest().version());
            boolean bHad = nodes[b].hasInstalled(fw, v2.manifest().manifest().version());
            add(queue, a, nodes[a].contactStarted(PeerId.of(b), now));
            add(queue, b, nodes[b].contactStarted(PeerId.of(a), now));
            while (!queue.isEmpty()) {
                Object[] f = queue.poll();
                int from = (Integer) f[0];
                Outgoing o = (Outgoing) f[1];
                int to = (int) o.to().value();
                frames++;
                bytes += o.frameBytes();
                add(queue, to, nodes[to].receive(PeerId.of(from), o.message(), now));
            }
            nodes[a].contactEnded(PeerId.of(b), now);
            nodes[b].contactEnded(PeerId.of(a), now);
            Version v = v2.manifest().manifest().version();
            holders += (!aHad && nodes[a].hasInstalled(fw, v) ? 1 : 0) + (!bHad && nodes[b].hasInstalled(fw, v) ? 1 : 0);
            if ((contacts & 1023) == 0) {
                progress.progress(holders, DEVICES, "devices holding the release");
            }
        }
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("devices", DEVICES);
        facts.put("contacts", contacts);
        facts.put("frames", frames);
        facts.put("bytes", bytes);
        return facts;
    }

    private static void add(ArrayDeque<Object[]> q, int from, List<Outgoing> out) {
        for (Outgoing o : out) {
            q.add(new Object[] {from, o});
        }
    }
}
