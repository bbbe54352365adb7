package org.p2prollout.protocol.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.p2prollout.core.Checks;
import org.p2prollout.protocol.ProtocolNode;

/**
 * The layout's one-way rule, checked on the compiled classes: {@code protocol} refers only to
 * itself, {@code core} and the JDK, {@code core} only to itself and the JDK. Every class file's
 * constant pool is read (class references, field and method descriptors, generic signatures,
 * annotations), so a reference the source hides behind a fully qualified name is caught too.
 */
class DependencyRuleTest {
    private static final Pattern PROJECT_TYPE = Pattern.compile("org/p2prollout/([a-z0-9_]+)");

    @Test
    void protocolRefersToNothingButItselfAndCore() {
        Map<String, List<String>> bad = violations(classes(ProtocolNode.class), List.of("protocol", "core"));
        assertTrue(bad.isEmpty(), () -> "protocol classes refer to other modules: " + bad);
    }

    @Test
    void coreRefersToNothingOfTheProject() {
        Map<String, List<String>> bad = violations(classes(Checks.class), List.of("core"));
        assertTrue(bad.isEmpty(), () -> "core classes refer to other modules: " + bad);
    }

    @Test
    void theScanSeesEveryClassAndFindsAForbiddenReference() throws IOException {
        Map<String, byte[]> protocol = classes(ProtocolNode.class);
        // the module has about fifty classes: a scan that found none would pass vacuously
        assertTrue(protocol.size() > 40, () -> "scanned " + protocol.size() + " classes");
        assertTrue(projectModules(protocol.get("org/p2prollout/protocol/node/ProtocolConfig.class")).contains("core"),
                "ProtocolConfig uses core.Checks");
        // a class file that names solver's Generator in a method descriptor is a violation
        byte[] forged = classFile("x/Forged", "(Lorg/p2prollout/solver/Generator;)V");
        assertEquals(new TreeSet<>(List.of("solver")), projectModules(forged));
        assertFalse(violations(Map.of("x/Forged.class", forged), List.of("protocol", "core")).isEmpty());
    }

    @Test
    void noOtherModuleIsOnTheProtocolsClassPath() {
        for (String name : List.of("org.p2prollout.solver.Generator", "org.p2prollout.model.contact.Contact",
                "org.p2prollout.validation.sim.Simulator", "org.p2prollout.cli.Rollout")) {
            assertThrows(ClassNotFoundException.class, () -> Class.forName(name), name);
        }
    }

    /** Class file name -> the project modules (other than {@code allowed}) it refers to. */
    static Map<String, List<String>> violations(Map<String, byte[]> classes, List<String> allowed) {
        Map<String, List<String>> bad = new TreeMap<>();
        classes.forEach((name, bytes) -> {
            List<String> others = new ArrayList<>();
            for (String m : projectModules(bytes)) {
                if (!allowed.contains(m)) {
                    others.add(m);
                }
            }
            if (!others.isEmpty()) {
                bad.put(name, others);
            }
        });
        return bad;
    }

    /** The {@code org.p2prollout.X} packages named anywhere in a class file's constant pool. */
    static TreeSet<String> projectModules(byte[] classFile) {
        TreeSet<String> out = new TreeSet<>();
        for (String s : utf8Constants(classFile)) {
            Matcher m = PROJECT_TYPE.matcher(s.replace('.', '/'));
            while (m.find()) {
                out.add(m.group(1));
            }
        }
        return out;
    }

    /** Every CONSTANT_Utf8 of a class file (JVMS 4.4); names and descriptors all live there. */
    static List<String> utf8Constants(byte[] classFile) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(classFile))) {
            if (in.readInt() != 0xCAFEBABE) {
                throw new IllegalArgumentException("not a class file");
            }
            in.readUnsignedShort();
            in.readUnsignedShort();
            int count = in.readUnsignedShort();
            List<String> out = new ArrayList<>();
            for (int i = 1; i < count; i++) {
                int tag = in.readUnsignedByte();
                switch (tag) {
                    case 1 -> out.add(in.readUTF());
                    case 7, 8, 16, 19, 20 -> in.skipBytes(2);
                    case 15 -> in.skipBytes(3);
                    case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipBytes(4);
                    case 5, 6 -> {
                        in.skipBytes(8);
                        i++;   // long and double take two slots
                    }
                    default -> throw new IllegalArgumentException("unknown constant pool tag " + tag);
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The class files of the module (directory or jar) that {@code member} was loaded from. */
    static Map<String, byte[]> classes(Class<?> member) {
        Map<String, byte[]> out = new TreeMap<>();
        try {
            Path root = Path.of(member.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isDirectory(root)) {
                try (Stream<Path> files = Files.walk(root)) {
                    for (Path p : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                        out.put(root.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
                    }
                }
            } else {
                try (JarFile jar = new JarFile(root.toFile())) {
                    for (var e : jar.stream().filter(e -> e.getName().endsWith(".class")).toList()) {
                        try (InputStream in = jar.getInputStream(e)) {
                            out.put(e.getName(), in.readAllBytes());
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    /** A minimal class file whose constant pool holds a class name and one descriptor string. */
    private static byte[] classFile(String className, String descriptor) throws IOException {
        var bytes = new java.io.ByteArrayOutputStream();
        var out = new java.io.DataOutputStream(bytes);
        out.writeInt(0xCAFEBABE);
        out.writeShort(0);
        out.writeShort(61);
        out.writeShort(4);          // constants 1..3
        out.writeByte(1);
        out.writeUTF(className);    // #1 Utf8
        out.writeByte(7);
        out.writeShort(1);          // #2 Class #1
        out.writeByte(1);
        out.writeUTF(descriptor);   // #3 Utf8
        return bytes.toByteArray();
    }
}
