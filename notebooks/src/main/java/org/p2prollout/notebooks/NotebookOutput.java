package org.p2prollout.notebooks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.p2prollout.core.AtomicFile;

/**
 * What a notebook writes: CSV tables and PNG charts in its output folder (files written
 * atomically), plus the location of the shared real-data folder when it exists. Notebooks get
 * one instance as {@code NB}.
 */
public final class NotebookOutput {
    private final Path folder;
    private final List<Path> written = new ArrayList<>();

    public NotebookOutput(Path folder) {
        this.folder = folder;
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + folder, e);
        }
    }

    /** The output folder. */
    public Path folder() {
        return folder;
    }

    /** Files written so far, in order. */
    public List<Path> written() {
        return List.copyOf(written);
    }

    /**
     * Writes {@code <name>.csv} with a header and numeric columns of equal length.
     *
     * @param columns column names, one per array in {@code data}
     */
    public Path table(String name, String[] columns, double[]... data) {
        if (columns.length != data.length) {
            throw new IllegalArgumentException(columns.length + " column names for " + data.length + " columns");
        }
        int rows = data.length == 0 ? 0 : data[0].length;
        for (double[] column : data) {
            if (column.length != rows) {
                throw new IllegalArgumentException("columns differ in length: " + rows + " and " + column.length);
            }
        }
        List<List<?>> lines = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            List<Object> line = new ArrayList<>();
            for (double[] column : data) {
                line.add(column[r]);
            }
            lines.add(line);
        }
        return csv(name, List.of(columns), lines);
    }

    /** Writes {@code <name>.csv}: a header and rows of values (numbers, strings, booleans). */
    public Path csv(String name, List<String> header, List<? extends List<?>> rows) {
        StringBuilder text = new StringBuilder(String.join(",", header.stream().map(NotebookOutput::cell).toList()))
                .append('\n');
        for (List<?> row : rows) {
            if (row.size() != header.size()) {
                throw new IllegalArgumentException("row has " + row.size() + " cells, header " + header.size());
            }
            text.append(String.join(",", row.stream().map(NotebookOutput::cell).toList())).append('\n');
        }
        Path file = folder.resolve(name + ".csv");
        AtomicFile.writeString(file, text.toString());
        written.add(file);
        return file;
    }

    /** Writes {@code <name>.png} and {@code <name>.svg} from an XChart chart (the tool's chart layer); returns the PNG. */
    public Path png(String name, Chart<?, ?> chart) {
        Path file = folder.resolve(name + ".png");
        try {
            written.addAll(org.p2prollout.model.chart.Charts.write(chart, folder.resolve(name),
                    org.p2prollout.model.chart.Charts.FILES));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return file;
    }

    /** An empty XY line chart in the tool's paper style ({@link org.p2prollout.model.chart.Charts}). */
    public XYChart xy(String title, String xAxis, String yAxis) {
        XYChart chart = new XYChartBuilder().width(org.p2prollout.model.chart.Charts.WIDTH)
                .height(org.p2prollout.model.chart.Charts.HEIGHT).title(title).xAxisTitle(xAxis).yAxisTitle(yAxis).build();
        org.p2prollout.model.chart.Charts.paper(chart.getStyler());
        return chart;
    }

    /** The shared real-data folder ({@code rollout.sharedData}) when it exists. */
    public Optional<Path> sharedData() {
        String dir = System.getProperty("rollout.sharedData");
        if (dir == null) {
            return Optional.empty();
        }
        Path path = Path.of(dir);
        return Files.isDirectory(path) ? Optional.of(path) : Optional.empty();
    }

    private static String cell(Object value) {
        if (value instanceof Double d) {
            if (Double.isNaN(d)) {
                return "";
            }
            // integral values without ".0"; others in the shortest form that reads back exactly
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString(d.longValue()) : Double.toString(d);
        }
        String text = String.valueOf(value);
        if (text.contains(",") || text.contains("\"") || text.contains("\n")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
