package org.p2prollout.validation.report;

import java.util.List;
import java.util.Map;
import org.p2prollout.validation.suite.CaseResult;
import org.p2prollout.validation.suite.Check;
import org.p2prollout.validation.suite.Comparison;
import org.p2prollout.validation.suite.SuiteResult;
import org.p2prollout.validation.suite.Verdict;

/**
 * The report as one self-contained HTML page: inline CSS, charts embedded as base64 PNG, no
 * scripts and no external resources, so it opens offline and can be mailed as one file.
 */
public final class HtmlReport {
    private static final String STYLE = """
            body{font-family:sans-serif;margin:2em;max-width:1400px;color:#222}
            table{border-collapse:collapse;margin:0.5em 0 1em 0}
            th,td{border:1px solid #bbb;padding:3px 8px;text-align:right}
            th{background:#eee} td.l,th.l{text-align:left}
            .PASS{background:#d4edda} .FAIL{background:#f8d7da} .NOT_RUN{background:#e2e3e5}
            .charts img{margin:4px;border:1px solid #ddd}
            section{border-top:2px solid #888;margin-top:2em}
            """;

    private HtmlReport() {
    }

    public static String render(SuiteResult suite, RenderedCharts charts) {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<title>Validation report: ").append(esc(suite.name())).append("</title>")
                .append("<style>").append(STYLE).append("</style></head><body>\n");
        h.append("<h1>Validation report: suite ").append(esc(suite.name())).append("</h1>\n");
        h.append("<p>").append(esc(suite.description())).append("</p>\n");
        h.append("<p><b>").append(suite.passed()).append(" passed, ").append(suite.failed()).append(" failed, ")
                .append(suite.notRun()).append(" not run</b> of ").append(org.p2prollout.model.text.Quantities.count(suite.cases().size() + suite.forecasts().size(), "case"))
                .append(" in ")
                .append(Format.seconds(suite.seconds())).append(".</p>\n");
        list(h, "Notes", suite.notes());
        summary(h, suite);
        for (ChartImage image : charts.suite()) {
            h.append("<div class=\"charts\"><figure><img alt=\"").append(esc(image.caption())).append("\" src=\"")
                    .append(image.dataUri()).append("\"><figcaption>").append(esc(image.caption()))
                    .append("</figcaption></figure></div>\n");
        }
        for (CaseResult c : suite.cases()) {
            caseSection(h, c, charts.perCase().getOrDefault(c.name(), List.of()));
        }
        for (var f : suite.forecasts()) {
            ForecastSections.html(h, f, charts.perCase().getOrDefault(f.name(), List.of()));
        }
        h.append("</body></html>\n");
        return h.toString();
    }

    private static void summary(StringBuilder h, SuiteResult suite) {
        h.append("<h2>Summary</h2>\n<table><tr><th class=\"l\">case</th><th class=\"l\">verdict</th>")
                .append("<th>mean T_1 predicted (s)</th><th>mean T_1 simulated (s)</th><th>95% CI (s)</th>")
                .append("<th>relative error</th><th>KS distance T_1</th><th>coverage largest gap</th>")
                .append("<th>coverage gap beyond the 95% band</th></tr>\n");
        for (CaseResult c : suite.cases()) {
            h.append("<tr class=\"").append(c.verdict().name()).append("\"><td class=\"l\"><a href=\"#")
                    .append(Format.slug(c.name())).append("\">").append(esc(c.name())).append("</a></td><td class=\"l\">")
                    .append(c.verdict()).append("</td>");
            Comparison t1 = c.comparison("T_1").orElse(null);
            if (t1 == null) {
                h.append("<td></td><td></td><td></td><td></td>");
            } else {
                h.append(td(Format.num(t1.predicted()))).append(td(Format.num(t1.simulated())))
                        .append(td(Format.interval(t1.ciLow(), t1.ciHigh()))).append(td(Format.percent(t1.relativeError())));
            }
            h.append(td(c.check(CaseResult.KS_T1).map(k -> Format.num(k.value())).orElse("")));
            h.append(td(c.check(CaseResult.COVERAGE_GAP).map(k -> Format.num(k.value())).orElse("")));
            h.append(td(c.check(CaseResult.COVERAGE_BEYOND_BAND).map(k -> Format.num(k.value())).orElse("")));
            h.append("</tr>\n");
        }
        for (var f : suite.forecasts()) {
            h.append("<tr class=\"").append(f.verdict().name()).append("\"><td class=\"l\"><a href=\"#")
                    .append(Format.slug(f.name())).append("\">").append(esc(f.name())).append("</a></td><td class=\"l\">")
                    .append(f.verdict()).append("</td><td class=\"l\" colspan=\"7\">trace forecast: models against the"
                    + " truth of held-out days (see its section)</td></tr>\n");
        }
        h.append("</table>\n");
    }

    private static void caseSection(StringBuilder h, CaseResult c, List<ChartImage> images) {
        h.append("<section id=\"").append(Format.slug(c.name())).append("\"><h2>").append(esc(c.name()))
                .append(": <span class=\"").append(c.verdict().name()).append("\">").append(c.verdict())
                .append("</span></h2>\n<p>").append(esc(c.description())).append("</p>\n");
        list(h, c.verdict() == Verdict.NOT_RUN ? "Why it did not run" : "Checks outside tolerance", c.reasons());
        list(h, "Notes", c.notes());
        if (!c.parameters().isEmpty()) {
            h.append("<h3>Parameters</h3><table>");
            for (Map.Entry<String, String> p : c.parameters().entrySet()) {
                h.append("<tr><th class=\"l\">").append(esc(p.getKey())).append("</th><td class=\"l\">")
                        .append(esc(p.getValue())).append("</td></tr>");
            }
            h.append("</table>\n");
        }
        if (!c.comparisons().isEmpty()) {
            h.append("<h3>Predicted against simulated (").append(org.p2prollout.model.text.Quantities.count(c.replications(),
                    "replication")).append(", ")
                    .append(Format.seconds(c.seconds())).append(")</h3>\n<table><tr><th class=\"l\">metric</th>")
                    .append("<th class=\"l\">unit</th><th>predicted</th><th>simulated mean</th><th>95% CI</th>")
                    .append("<th>relative error</th><th>tolerance</th><th class=\"l\">result</th></tr>\n");
            for (Comparison m : c.comparisons()) {
                String result = !m.checked() ? "info" : m.pass() ? "PASS" : "FAIL";
                h.append("<tr><td class=\"l\">").append(esc(m.metric())).append("</td><td class=\"l\">")
                        .append(esc(m.unit())).append("</td>").append(td(Format.num(m.predicted())))
                        .append(td(Format.num(m.simulated()))).append(td(Format.interval(m.ciLow(), m.ciHigh())))
                        .append(td(Format.percent(m.relativeError())))
                        .append(td(m.checked() ? Format.percent(m.tolerance()) : ""))
                        .append("<td class=\"l ").append(result.equals("info") ? "" : result).append("\">")
                        .append(result).append("</td></tr>\n");
            }
            h.append("</table>\n");
        }
        if (!c.checks().isEmpty()) {
            h.append("<table><tr><th class=\"l\">distance</th><th>value</th><th>limit</th><th class=\"l\">result</th></tr>\n");
            for (Check k : c.checks()) {
                String result = !k.checked() ? "info" : k.pass() ? "PASS" : "FAIL";
                h.append("<tr><td class=\"l\">").append(esc(k.name())).append("</td>").append(td(Format.num(k.value())))
                        .append(td(k.checked() ? Format.num(k.limit()) : "")).append("<td class=\"l ").append(result).append("\">")
                        .append(result).append("</td></tr>\n");
            }
            h.append("</table>\n");
        }
        charts(h, images);
        h.append("</section>\n");
    }

    /** The charts of a section, inline (base64 PNG). */
    static void charts(StringBuilder h, List<ChartImage> images) {
        if (!images.isEmpty()) {
            h.append("<div class=\"charts\">");
            for (ChartImage image : images) {
                h.append("<img alt=\"").append(esc(image.caption())).append("\" title=\"").append(esc(image.caption()))
                        .append("\" src=\"").append(image.dataUri()).append("\">");
            }
            h.append("</div>\n");
        }
    }

    static void list(StringBuilder h, String title, List<String> items) {
        if (items.isEmpty()) {
            return;
        }
        h.append("<p><b>").append(esc(title)).append(":</b></p><ul>");
        items.forEach(i -> h.append("<li>").append(esc(i)).append("</li>"));
        h.append("</ul>\n");
    }

    static String td(String text) {
        return "<td>" + esc(text) + "</td>";
    }

    static String esc(String text) {
        return Format.html(text);
    }
}
