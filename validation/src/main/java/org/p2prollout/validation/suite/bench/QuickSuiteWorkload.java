package org.p2prollout.validation.suite.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.p2prollout.core.ProgressListener;
import org.p2prollout.solver.bench.Workload;
import org.p2prollout.validation.suite.BuiltInSuites;
import org.p2prollout.validation.suite.SuiteResult;
import org.p2prollout.validation.suite.SuiteRunner;
import org.p2prollout.validation.suite.SuiteSpec;

/** The built-in quick suite end to end (report not written); goal: under 2 minutes. */
public final class QuickSuiteWorkload implements Workload {
    private SuiteSpec suite;

    @Override
    public String name() {
        return "validate-quick";
    }

    @Override
    public String description() {
        return "built-in quick validation suite (8 cases + offload sweep; cab traces when ../shared/data exists); goal < 120 s";
    }

    @Override
    public void prepare() {
        String dir = System.getProperty("rollout.sharedData", "../shared/data");
        Path data = Files.isDirectory(Path.of(dir)) ? Path.of(dir) : null;
        suite = BuiltInSuites.byName("quick", data);
    }

    @Override
    public Map<String, Object> run(ProgressListener progress) {
        SuiteResult r = new SuiteRunner().run(suite, progress);
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("cases", r.cases().size());
        facts.put("passed", r.passed());
        facts.put("failed", r.failed());
        facts.put("notRun", r.notRun());
        return facts;
    }
}
