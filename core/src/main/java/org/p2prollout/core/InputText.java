package org.p2prollout.core;

/**
 * Makes text read from input files safe to print in an error message: a hostile or corrupt file
 * must not be able to move the cursor, clear the screen, retitle the terminal or reorder the line
 * (ANSI escapes, carriage returns, bidi overrides) through a message that quotes it.
 *
 * <p>Every character that is not printable is written as an escape: {@code \t \n \r} by name,
 * other C0/C1 controls and DEL as {@code \xNN}, Unicode format characters (bidi controls, the
 * byte-order mark U+FEFF, zero-width characters), line/paragraph separators, unpaired surrogates
 * and unassigned code points as {@code \}{@code uNNNN}. A backslash stays a backslash (escapes are
 * for reading, not for round trips). Printable non-ASCII letters (a device named "Zürich") are
 * kept.
 */
public final class InputText {
    /** Longest quotation {@link #quote} keeps, in characters of the input. */
    public static final int MAX_QUOTED = 80;

    private InputText() {
    }

    /**
     * The content of a text file that must be UTF-8 (scenario, suite and sweep YAML): a leading
     * byte-order mark is dropped; a byte sequence that is not UTF-8 is bad input naming the file,
     * line and column of the first such byte (where {@link java.nio.file.Files#readString} gives
     * a MalformedInputException without position).
     */
    public static String readUtf8(java.nio.file.Path file) throws java.io.IOException {
        byte[] bytes = java.nio.file.Files.readAllBytes(file);
        java.nio.charset.CharsetDecoder d = java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT);
        java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(bytes);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length);
        java.nio.charset.CoderResult r = d.decode(in, out, true);
        if (!r.isError()) {
            r = d.flush(out);
        }
        if (r.isError()) {
            int at = in.position();
            long line = 1;
            int lineStart = 0;
            for (int i = 0; i < at; i++) {
                if (bytes[i] == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            throw new org.p2prollout.core.InvalidInputException(file + ":" + line + ": " + String.format(java.util.Locale.ROOT,
                    "byte 0x%02X at column %d is not UTF-8; save the file as UTF-8", bytes[at] & 0xff, at - lineStart + 1));
        }
        out.flip();
        String text = out.toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /** {@code s} with every non-printable character escaped; {@code "null"} for null. */
    public static String printable(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String esc = escape(s, i);
            if (esc == null) {
                if (b != null) {
                    b.append(c);
                }
                continue;
            }
            if (b == null) {
                b = new StringBuilder(s.length() + 16).append(s, 0, i);
            }
            if (esc.isEmpty()) { // a valid surrogate pair: keep both halves
                b.append(c).append(s.charAt(++i));
            } else {
                b.append(esc);
            }
        }
        return b == null ? s : b.toString();
    }

    /** {@code 'printable(s)'}, cut after {@value #MAX_QUOTED} characters of {@code s} with "...". */
    public static String quote(String s) {
        if (s == null) {
            return "null";
        }
        boolean cut = s.length() > MAX_QUOTED;
        return "'" + printable(cut ? s.substring(0, MAX_QUOTED) : s) + (cut ? "'..." : "'");
    }

    /** The escape for the character at {@code i}, null if printable, "" for a printable surrogate pair. */
    private static String escape(String s, int i) {
        char c = s.charAt(i);
        switch (c) {
            case '\t':
                return "\\t";
            case '\n':
                return "\\n";
            case '\r':
                return "\\r";
            default:
                break;
        }
        if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) {
            return String.format(java.util.Locale.ROOT, "\\x%02X", (int) c);
        }
        if (c < 0x7f) {
            return null;
        }
        if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
            int cp = s.codePointAt(i);
            return printableType(Character.getType(cp)) ? "" : String.format(java.util.Locale.ROOT, "\\u{%X}", cp);
        }
        if (Character.isSurrogate(c) || !printableType(Character.getType(c))) {
            return String.format(java.util.Locale.ROOT, "\\u%04X", (int) c);
        }
        return null;
    }

    private static boolean printableType(int type) {
        return type != Character.CONTROL && type != Character.FORMAT && type != Character.UNASSIGNED
                && type != Character.LINE_SEPARATOR && type != Character.PARAGRAPH_SEPARATOR
                && type != Character.SURROGATE && type != Character.PRIVATE_USE;
    }
}
