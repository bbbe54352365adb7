/**
 * Test support shared by the modules' fuzz tests: {@link org.p2prollout.testkit.Mutator} (seeded
 * edits and cuts of valid inputs) and {@link org.p2prollout.testkit.FuzzCases} (numbered,
 * replayable cases as JUnit dynamic tests) and {@link org.p2prollout.testkit.FuzzChecks} (the
 * checks the properties share). Used at test scope only; imports the JDK, JUnit and {@code core}.
 */
package org.p2prollout.testkit;
