package org.p2prollout.model.trace;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.p2prollout.core.InvalidInputException;
import org.p2prollout.core.ProgressListener;

/**
 * Streams SUMO floating-car data ({@code <fcd-export><timestep time><vehicle id x y .../>}) with
 * StAX, so gigabyte outputs (TAPAS Cologne) never sit in memory; {@code <person>} elements are
 * devices too. Coordinates are geographic (x = longitude, y = latitude) when the file was written
 * with {@code --fcd-output.geo} (SUMO records that in its configuration comment), when the
 * elements carry {@code lon}/{@code lat} attributes, or when every coordinate fits degrees and
 * spans less than one degree; otherwise cartesian metres.
 */
public final class SumoFcdReader {
    private boolean geoDeclared;
    private long malformed;
    private TimeStamps clock;

    /** What was read. */
    public record Result(CoordinateKind coordinates, long malformedLines) {
    }

    /** Streams {@code file} into {@code sink}, times in seconds (refusing millisecond-looking times). */
    public static Result read(Path file, TraceBuilder sink, boolean lenient, ProgressListener progress) throws IOException {
        return read(file, sink, lenient, null, progress);
    }

    /**
     * Streams {@code file} into {@code sink}, converting {@code <timestep time>} from {@code unit}
     * to seconds ({@code null}: seconds, refusing times that look like milliseconds, see
     * {@link TimeStamps}; SUMO itself writes seconds).
     */
    public static Result read(Path file, TraceBuilder sink, boolean lenient, TraceTimeUnit unit, ProgressListener progress)
            throws IOException {
        SumoFcdReader r = new SumoFcdReader();
        r.clock = new TimeStamps(unit);
        r.parse(file, sink, new LineErrors(lenient), progress);
        r.clock.check();
        CoordinateKind kind = r.geoDeclared ? CoordinateKind.GEO : guess(sink);
        sink.lonLatOrder(true);
        return new Result(kind, r.malformed);
    }

    private static CoordinateKind guess(TraceBuilder sink) {
        double[] e = sink.extent(); // x (longitude) then y (latitude)
        boolean fitsDegrees = e[0] >= -180 && e[1] <= 180 && e[2] >= -90 && e[3] <= 90;
        boolean small = e[1] - e[0] < 1 && e[3] - e[2] < 1;
        return fitsDegrees && small && sink.read() > 0 ? CoordinateKind.GEO : CoordinateKind.METRES;
    }

    private void parse(Path file, TraceBuilder sink, LineErrors errors, ProgressListener progress) throws IOException {
        long size = java.nio.file.Files.size(file);
        AtomicLong bytes = new AtomicLong();
        long elements = 0;
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        String name = file.toString();
        try (InputStream in = TraceInput.openStream(file, bytes)) {
            XMLStreamReader x = factory.createXMLStreamReader(in);
            double time = Double.NaN;
            boolean sawRoot = false;
            try {
                while (x.hasNext()) {
                    int ev = x.next();
                    if (ev == XMLStreamConstants.COMMENT) {
                        String c = x.getText();
                        if (c.matches("(?s).*fcd-output\\.geo\\s+value=\"(true|1|yes|on)\".*")) {
                            geoDeclared = true;
                        }
                    } else if (ev == XMLStreamConstants.START_ELEMENT) {
                        String el = x.getLocalName();
                        if (!sawRoot) {
                            sawRoot = true;
                            if (!el.equals("fcd-export")) {
                                throw InvalidInputException.atLine(name, x.getLocation().getLineNumber(),
                                        "expected SUMO floating-car data (root element <fcd-export>), got <" + el + ">");
                            }
                        } else if (el.equals("timestep")) {
                            time = clock.seconds(number(x.getAttributeValue(null, "time")), name,
                                    x.getLocation().getLineNumber());
                            if (Double.isNaN(time)) {
                                errors.malformed(name, x.getLocation().getLineNumber(), "expected <timestep time=\"seconds\">");
                            }
                        } else if (el.equals("vehicle") || el.equals("person")) {
                            vehicle(x, sink, errors, name, time);
                            if (++elements % 100_000 == 0) {
                                progress.progress(Math.min(bytes.get(), size), size, "reading SUMO FCD");
                            }
                        }
                    }
                }
            } finally {
                x.close();
            }
        } catch (XMLStreamException e) {
            long line = e.getLocation() != null ? e.getLocation().getLineNumber() : 0;
            throw InvalidInputException.atLine(name, line, "expected well-formed SUMO FCD XML: " + e.getMessage().lines().reduce((a, b) -> b).orElse(""));
        }
        malformed = errors.skipped();
    }

    private void vehicle(XMLStreamReader x, TraceBuilder sink, LineErrors errors, String name, double time) {
        String id = null;
        double px = Double.NaN;
        double py = Double.NaN;
        for (int i = 0; i < x.getAttributeCount(); i++) {
            switch (x.getAttributeLocalName(i)) {
                case "id" -> id = x.getAttributeValue(i);
                case "x" -> px = number(x.getAttributeValue(i));
                case "y" -> py = number(x.getAttributeValue(i));
                case "lon" -> {
                    px = number(x.getAttributeValue(i));
                    geoDeclared = true;
                }
                case "lat" -> {
                    py = number(x.getAttributeValue(i));
                    geoDeclared = true;
                }
                default -> { }
            }
        }
        if (Double.isNaN(time)) {
            errors.malformed(name, x.getLocation().getLineNumber(), "expected <" + x.getLocalName() + "> inside a <timestep time=\"seconds\">");
        } else if (id == null || Double.isNaN(px) || Double.isNaN(py)) {
            errors.malformed(name, x.getLocation().getLineNumber(), "expected <" + x.getLocalName() + " id=\"...\" x=\"...\" y=\"...\">");
        } else {
            sink.add(sink.device(id), time, px, py);
        }
    }

    private static double number(String s) {
        if (s == null) {
            return Double.NaN;
        }
        try {
            double v = Double.parseDouble(s);
            return Double.isFinite(v) ? v : Double.NaN;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
