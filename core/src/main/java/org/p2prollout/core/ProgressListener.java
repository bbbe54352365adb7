package org.p2prollout.core;

/**
 * Receives progress of long work (iterations, replications, files). Library code reports;
 * the command line shows a progress bar on a terminal and stays quiet otherwise.
 * Implementations must be thread-safe: parallel work may report from several threads.
 */
@FunctionalInterface
public interface ProgressListener {
    /** Ignores all progress. */
    ProgressListener NONE = (done, total, what) -> { };

    /**
     * @param done  units of work finished so far, {@code 0 <= done <= total}
     * @param total units of work in all, or {@code -1} when unknown
     * @param what  a short label of the work, e.g. "Gauss-Seidel sweeps"
     */
    void progress(long done, long total, String what);
}
