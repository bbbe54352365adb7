/**
 * The few types every module shares: {@link org.p2prollout.core.Checks} (parameter checks),
 * {@link org.p2prollout.core.InvalidInputException} (bad input, exit 2 on the command line),
 * {@link org.p2prollout.core.ProgressListener} (progress of long work) and
 * {@link org.p2prollout.core.AtomicFile} (output files that are never partial).
 *
 * <p>May import: the JDK only. Everything else in the project may import this package;
 * {@code DependencyRuleTest} in the protocol module checks the compiled classes.
 */
package org.p2prollout.core;
