package org.p2prollout.validation.report;

import java.util.List;
import java.util.Map;
import org.p2prollout.validation.suite.CaseResult;
import org.p2prollout.validation.suite.Check;
import org.p2prollout.validation.suite.Comparison;
import org.p2prollout.validation.suite.SuiteResult;

/** The report as Markdown; charts are PNG files in {@code chartFolder} next to it. */
public final class MarkdownReport {
    private MarkdownReport() {
    }

    /**
     * @param chartFolder folder of the chart files relative to the Markdown file, e.g. {@code "charts"}
     */
    public static String render(SuiteResult suite, RenderedCharts charts, String chartFolder) {
        StringBuilder m = new StringBuilder();
        m.append("# Validation report: suite ").append(suite.name()).append("\n\n").append(suite.description()).append("\n\n");
        m.append("**").append(suite.passed()).append(" passed, ").append(suite.failed()).append(" failed, ")
                .append(suite.notRun()).append(" not run** of ").append(org.p2prollout.model.text.Quantities.count(suite.cases().size() + suite.forecasts().size(), "case"))
                .append(" in ")
                .append(Format.seconds(suite.seconds())).append(".\n\n");
        bullets(m, "Notes", suite.notes());
        m.append("| case | verdict | mean T_1 predicted (s) | mean T_1 simulated (s) | 95% CI (s) | relative error |"
                        + " KS distance T_1 | coverage largest gap | coverage gap beyond the 95% band |\n")
                .append("|---|---|---|---|---|---|---|---|---|\n");
        for (CaseResult c : suite.cases()) {
            Comparison t1 = c.comparison("T_1").orElse(null);
            m.append("| ").append(cell(c.name())).append(" | ").append(c.verdict()).append(" | ");
            if (t1 == null) {
                m.append(" |  |  |  | ");
            } else {
                m.append(Format.num(t1.predicted())).append(" | ").append(Format.num(t1.simulated())).append(" | ")
                        .append(Format.interval(t1.ciLow(), t1.ciHigh())).append(" | ")
                        .append(Format.percent(t1.relativeError())).append(" | ");
            }
            m.append(c.check(CaseResult.KS_T1).map(k -> Format.num(k.value())).orElse("")).append(" | ")
                    .append(c.check(CaseResult.COVERAGE_GAP).map(k -> Format.num(k.value())).orElse("")).append(" | ")
                    .append(c.check(CaseResult.COVERAGE_BEYOND_BAND).map(k -> Format.num(k.value())).orElse(""))
                    .append(" |\n");
        }
        for (var f : suite.forecasts()) {
            m.append("| ").append(cell(f.name())).append(" | ").append(f.verdict())
                    .append(" | trace forecast: models against the truth of held-out days | | | | | | |\n");
        }
        m.append('\n');
        for (ChartImage image : charts.suite()) {
            m.append("![").append(image.caption()).append("](").append(chartFolder).append('/').append(image.file()).append(")\n\n");
        }
        for (CaseResult c : suite.cases()) {
            m.append("## ").append(c.name()).append(": ").append(c.verdict()).append("\n\n").append(c.description()).append("\n\n");
            bullets(m, "Reasons", c.reasons());
            bullets(m, "Notes", c.notes());
            if (!c.parameters().isEmpty()) {
                m.append("| parameter | value |\n|---|---|\n");
                for (Map.Entry<String, String> p : c.parameters().entrySet()) {
                    m.append("| ").append(cell(p.getKey())).append(" | ").append(cell(p.getValue())).append(" |\n");
                }
                m.append('\n');
            }
            if (!c.comparisons().isEmpty()) {
                m.append("| metric | unit | predicted | simulated mean | 95% CI | relative error | tolerance | result |\n")
                        .append("|---|---|---|---|---|---|---|---|\n");
                for (Comparison x : c.comparisons()) {
                    m.append("| ").append(cell(x.metric())).append(" | ").append(cell(x.unit())).append(" | ")
                            .append(Format.num(x.predicted())).append(" | ").append(Format.num(x.simulated())).append(" | ")
                            .append(Format.interval(x.ciLow(), x.ciHigh())).append(" | ")
                            .append(Format.percent(x.relativeError())).append(" | ")
                            .append(x.checked() ? Format.percent(x.tolerance()) : "").append(" | ")
                            .append(!x.checked() ? "info" : x.pass() ? "PASS" : "FAIL").append(" |\n");
                }
                m.append('\n');
            }
            if (!c.checks().isEmpty()) {
                m.append("| distance | value | limit | result |\n|---|---|---|---|\n");
                for (Check k : c.checks()) {
                    m.append("| ").append(cell(k.name())).append(" | ").append(Format.num(k.value())).append(" | ")
                            .append(k.checked() ? Format.num(k.limit()) : "").append(" | ")
                            .append(!k.checked() ? "info" : k.pass() ? "PASS" : "FAIL").append(" |\n");
                }
                m.append('\n');
            }
            for (ChartImage image : charts.perCase().getOrDefault(c.name(), List.of())) {
                m.append("![").append(image.caption()).append("](").append(chartFolder).append('/').append(image.file()).append(")\n");
            }
            m.append('\n');
        }
        for (var f : suite.forecasts()) {
            ForecastSections.markdown(m, f, charts.perCase().getOrDefault(f.name(), List.of()), chartFolder);
        }
        return m.toString();
    }

    static void bullets(StringBuilder m, String title, List<String> items) {
        if (items.isEmpty()) {
            return;
        }
        m.append(title).append(":\n\n");
        items.forEach(i -> m.append("* ").append(i).append('\n'));
        m.append('\n');
    }

    static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
