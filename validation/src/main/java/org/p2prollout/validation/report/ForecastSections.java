package org.p2prollout.validation.report;

import java.util.List;
import java.util.Map;
import org.p2prollout.model.spread.LevelTimes;
import org.p2prollout.validation.suite.ForecastCaseResult;
import org.p2prollout.validation.suite.SuiteResult;

/** The trace forecast cases in the report: a table per case (model × level against the truth) and CSV rows. */
final class ForecastSections {
    private ForecastSections() {
    }

    static void html(StringBuilder h, ForecastCaseResult c, List<ChartImage> images) {
        h.append("<section id=\"").append(Format.slug(c.name())).append("\"><h2>").append(esc(c.name()))
                .append(": <span class=\"").append(c.verdict().name()).append("\">").append(c.verdict())
                .append("</span></h2>\n<p>").append(esc(c.description())).append("</p>\n");
        list(h, c.verdict() == org.p2prollout.validation.suite.Verdict.NOT_RUN ? "Why it did not run"
                : "Checks outside tolerance", c.reasons());
        list(h, "Notes", c.notes());
        h.append("<h3>Parameters</h3><table>");
        for (Map.Entry<String, String> p : c.parameters().entrySet()) {
            h.append("<tr><th class=\"l\">").append(esc(p.getKey())).append("</th><td class=\"l\">").append(esc(p.getValue()))
                    .append("</td></tr>");
        }
        h.append("</table>\n");
        if (!c.truthTimes().isEmpty()) {
            h.append("<h3>Forecast against the truth of the held-out window (").append(Format.seconds(c.seconds()))
                    .append(")</h3>\n<table><tr><th class=\"l\">model</th><th class=\"l\">level</th><th>mean (h)</th>")
                    .append("<th>95% interval (h)</th><th>truth mean (h)</th><th>truth 95% interval (h)</th>")
                    .append("<th>relative error</th><th>KS distance</th><th>tolerance</th><th class=\"l\">result</th>")
                    .append("<th class=\"l\">method</th></tr>\n");
            for (ForecastCaseResult.Outcome o : c.outcomes()) {
                if (o.error() != null) {
                    h.append("<tr><td class=\"l\">").append(esc(o.model().cliName())).append("</td><td class=\"l\" colspan=\"10\">")
                            .append("could not forecast: ").append(esc(o.error())).append("</td></tr>\n");
                    continue;
                }
                for (String k : c.truthTimes().keySet()) {
                    LevelTimes f = o.times().get(k);
                    LevelTimes t = c.truthTimes().get(k);
                    String result = !o.tolerance().checked() ? "info" : o.pass() ? "PASS" : "FAIL";
                    h.append("<tr><td class=\"l\">").append(esc(o.model().cliName())).append("</td><td class=\"l\">T_")
                            .append(esc(k)).append("</td>").append(td(h(f.mean()))).append(td(interval(f)))
                            .append(td(h(t.mean()))).append(td(interval(t)))
                            .append(td(Format.percent(o.meanError().getOrDefault(k, Double.NaN))))
                            .append(td(Format.num(o.ks().getOrDefault(k, Double.NaN))))
                            .append(td(o.tolerance().checked() ? Format.percent(o.tolerance().meanError()) : ""))
                            .append("<td class=\"l ").append(result.equals("info") ? "" : result).append("\">").append(result)
                            .append("</td><td class=\"l\">").append(esc(o.method())).append("</td></tr>\n");
                }
            }
            h.append("</table>\n");
        }
        HtmlReport.charts(h, images);
        h.append("</section>\n");
    }

    static void markdown(StringBuilder m, ForecastCaseResult c, List<ChartImage> images, String chartFolder) {
        m.append("## ").append(c.name()).append(": ").append(c.verdict()).append("\n\n").append(c.description()).append("\n\n");
        bullets(m, "Reasons", c.reasons());
        bullets(m, "Notes", c.notes());
        m.append("| parameter | value |\n|---|---|\n");
        c.parameters().forEach((k, v) -> m.append("| ").append(cell(k)).append(" | ").append(cell(v)).append(" |\n"));
        m.append('\n');
        if (!c.truthTimes().isEmpty()) {
            m.append("| model | level | mean (h) | 95% interval (h) | truth mean (h) | relative error | KS | tolerance | result |\n")
                    .append("|---|---|---|---|---|---|---|---|---|\n");
            for (ForecastCaseResult.Outcome o : c.outcomes()) {
                if (o.error() != null) {
                    m.append("| ").append(o.model().cliName()).append(" | | could not forecast: ").append(cell(o.error()))
                            .append(" | | | | | | |\n");
                    continue;
                }
                for (String k : c.truthTimes().keySet()) {
                    LevelTimes f = o.times().get(k);
                    m.append("| ").append(o.model().cliName()).append(" | T_").append(k).append(" | ").append(h(f.mean()))
                            .append(" | ").append(interval(f)).append(" | ").append(h(c.truthTimes().get(k).mean()))
                            .append(" | ").append(Format.percent(o.meanError().getOrDefault(k, Double.NaN))).append(" | ")
                            .append(Format.num(o.ks().getOrDefault(k, Double.NaN))).append(" | ")
                            .append(o.tolerance().checked() ? Format.percent(o.tolerance().meanError()) : "").append(" | ")
                            .append(!o.tolerance().checked() ? "info" : o.pass() ? "PASS" : "FAIL").append(" |\n");
                }
            }
            m.append('\n');
        }
        for (ChartImage image : images) {
            m.append("![").append(image.caption()).append("](").append(chartFolder).append('/').append(image.file()).append(")\n");
        }
        m.append('\n');
    }

    /** forecasts.csv: case, model, level, forecast mean and interval, truth mean and interval, error, KS, checked, pass. */
    static String csv(SuiteResult suite) {
        StringBuilder out = new StringBuilder("case,verdict,model,level,mean_s,low_s,high_s,reached,truth_mean_s,truth_low_s,"
                + "truth_high_s,relative_error,ks,tolerance,checked,pass,method\n");
        for (ForecastCaseResult c : suite.forecasts()) {
            for (ForecastCaseResult.Outcome o : c.outcomes()) {
                for (String k : c.truthTimes().keySet()) {
                    LevelTimes f = o.times().get(k);
                    LevelTimes t = c.truthTimes().get(k);
                    out.append(String.join(",", Format.csv(c.name()), c.verdict().name(), o.model().cliName(), k,
                            f == null ? "" : Format.csv(f.mean()), f == null ? "" : Format.csv(f.low()),
                            f == null ? "" : Format.csv(f.high()), f == null ? "" : Format.csv(f.reached()),
                            Format.csv(t.mean()), Format.csv(t.low()), Format.csv(t.high()),
                            Format.csv(o.meanError().getOrDefault(k, Double.NaN)), Format.csv(o.ks().getOrDefault(k, Double.NaN)),
                            Format.csv(o.tolerance().meanError()), Boolean.toString(o.tolerance().checked()),
                            Boolean.toString(o.pass()), Format.csv(o.error() != null ? "error: " + o.error() : o.method())))
                            .append('\n');
                }
            }
        }
        return out.toString();
    }

    private static String h(double s) {
        return Double.isFinite(s) ? String.format(java.util.Locale.ROOT, "%.3f", s / 3600) : "";
    }

    private static String interval(LevelTimes t) {
        return Double.isFinite(t.low()) && Double.isFinite(t.high())
                ? "[" + h(t.low()) + ", " + h(t.high()) + "]" : "";
    }

    private static void list(StringBuilder h, String title, List<String> items) {
        HtmlReport.list(h, title, items);
    }

    private static void bullets(StringBuilder m, String title, List<String> items) {
        MarkdownReport.bullets(m, title, items);
    }

    private static String cell(String text) {
        return MarkdownReport.cell(text);
    }

    private static String td(String text) {
        return HtmlReport.td(text);
    }

    private static String esc(String text) {
        return HtmlReport.esc(text);
    }
}
