package org.p2prollout.solver.prism;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p2prollout.core.InvalidInputException;

/** Declared sizes are bounded before allocation, and stray bytes are bad input with file:line (issue 13, items 7 and 11). */
class PrismHostileInputTest {
    @TempDir
    Path dir;

    private Path write(String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    @Test
    void twoBillionStatesInATwentyTwoByteFileIsRefusedBeforeAllocating() throws IOException {
        Path tra = write("big.tra", "2000000000 2000000000\n");
        assertEquals(22, Files.size(tra));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> PrismExplicit.readTransitions(tra));
        assertTrue(e.getMessage().startsWith(tra + ":1: the header declares 2000000000 states; allowed 1 to 50000000"),
                e.getMessage());
    }

    @Test
    void intMaxStatesIsRefusedNotANegativeArraySize() throws IOException {
        Path tra = write("max.tra", "2147483647 1\n0 1 1\n");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> PrismExplicit.readTransitions(tra));
        assertTrue(e.getMessage().startsWith(tra + ":1: the header declares 2147483647 states"), e.getMessage());
    }

    @Test
    void moreTransitionsThanTheFileCanHoldAreRefused() throws IOException {
        // 2 + 1 + 6 + 6 = 15 bytes ("2 9\n" is 4): at most 17 / 6 + 1 = 3 lines of 6 bytes.
        Path tra = write("many.tra", "2 9\n0 1 1\n1 0 1\n");
        assertEquals(16, Files.size(tra));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> PrismExplicit.readTransitions(tra));
        assertTrue(e.getMessage().contains("many.tra:1: the header declares 9 transitions; a file of 16 bytes holds at most 3"),
                e.getMessage());
        // The bound is not too tight: 2 declared, 2 present reads.
        assertEquals(2, PrismExplicit.readTransitions(write("ok.tra", "2 2\n0 1 1\n1 0 1\n")).transitions());
    }

    @Test
    void footprintBeyondTheHeapIsRefused() {
        // 10 million states need about 400 MB; with a 100 MB heap that is refused, with 1 GB accepted.
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> PrismExplicit.checkDeclaredSizes("m.tra", 1L << 40, 10_000_000, 0, 100_000_000));
        assertTrue(e.getMessage().startsWith("m.tra:1: the header declares 10000000 states and 0 transitions, about 0.4 GB"),
                e.getMessage());
        PrismExplicit.checkDeclaredSizes("m.tra", 1L << 40, 10_000_000, 0, 1_000_000_000);
    }

    @Test
    void byteOrderMarkInTraIsBadInputAtLineOne() throws IOException {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = "2 1\n0 1 1\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] all = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, all, 0, 3);
        System.arraycopy(body, 0, all, 3, body.length);
        Path tra = write("bom.tra", all);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> PrismExplicit.readTransitions(tra));
        assertTrue(e.getMessage().startsWith(tra + ":1: byte 0xEF at column 1"), e.getMessage());
        assertTrue(e.getMessage().contains("byte-order mark"), e.getMessage());
    }

    @Test
    void nonAsciiByteInTraLineIsBadInputWithLineAndColumn() throws IOException {
        Path tra = write("u.tra", "2 1\n0 1 1\u00e9\n");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> PrismExplicit.readTransitions(tra));
        assertTrue(e.getMessage().startsWith(tra + ":2: byte 0xE9 at column 6"), e.getMessage());
    }

    @Test
    void nonAsciiOrControlBytesInLabAndStaAreBadInputWithLine() throws IOException {
        Path lab = write("m.lab", "0=\"init\"\n1: 0\u00ff\n");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> PrismExplicit.readLabels(lab, 2));
        assertTrue(e.getMessage().startsWith(lab + ":2: byte 0xFF at column 5"), e.getMessage());
        Path bomLab = write("b.lab", "\u00ef\u00bb\u00bf0=\"init\"\n");
        e = assertThrows(InvalidInputException.class, () -> PrismExplicit.readLabels(bomLab, 2));
        assertTrue(e.getMessage().startsWith(bomLab + ":1: byte 0xEF at column 1"), e.getMessage());
        Path sta = write("m.sta", "(x)\n0:(0)\n1:(1\u001b[2J)\n");
        e = assertThrows(InvalidInputException.class, () -> PrismExplicit.readStates(sta));
        assertTrue(e.getMessage().startsWith(sta + ":3: byte 0x1B at column 5"), e.getMessage());
    }
}
