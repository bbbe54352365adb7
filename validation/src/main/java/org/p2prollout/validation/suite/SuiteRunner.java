package org.p2prollout.validation.suite;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.p2prollout.core.ProgressListener;

/**
 * Runs a suite: every case in order (replications in parallel), then the offload sweep. One
 * progress bar counts replications over the whole suite.
 */
public final class SuiteRunner {
    private final CaseRunner cases;

    public SuiteRunner(CaseRunner cases) {
        this.cases = cases;
    }

    public SuiteRunner() {
        this(new CaseRunner());
    }

    public SuiteResult run(SuiteSpec suite, ProgressListener progress) {
        long started = System.nanoTime();
        long total = suite.cases().stream().mapToLong(CaseSpec::replications).sum()
                + (suite.offload() == null ? 0 : suite.offload().units())
                + suite.forecasts().stream().mapToLong(f -> f.models().size()).sum();
        AtomicLong base = new AtomicLong();
        List<CaseResult> results = new ArrayList<>();
        for (CaseSpec c : suite.cases()) {
            long offset = base.get();
            results.add(cases.run(c, (done, all, what) -> progress.progress(offset + done, total, "validation")));
            base.addAndGet(c.replications());
            progress.progress(base.get(), total, "validation");
        }
        List<OffloadSeries> offload = List.of();
        if (suite.offload() != null) {
            long offset = base.get();
            offload = suite.offload().run((done, all, what) -> progress.progress(offset + done, total, "validation"));
            base.addAndGet(suite.offload().units());
        }
        List<ForecastCaseResult> forecasts = new ArrayList<>();
        ForecastCaseRunner runner = new ForecastCaseRunner();
        for (ForecastCaseSpec f : suite.forecasts()) {
            long offset = base.get();
            forecasts.add(runner.run(f, (done, all, what) -> progress.progress(offset + done, total, "validation")));
            base.addAndGet(f.models().size());
        }
        progress.progress(total, total, "validation");
        return new SuiteResult(suite.name(), suite.description(), results, offload, suite.notes(),
                (System.nanoTime() - started) / 1e9, forecasts);
    }
}
