/**
 * Test support shared by the modules' fuzz tests: {@link org.p2prollout.testkit.Mutator} (seeded
 * edits and cuts of valid inputs) and {@link org.p2prollout.testkit.FuzzCases} (numbered,
 * replayable cases as JUnit dynamic tests). Used at test scope only; imports the JDK and JUnit.
 */
package org.p2prollout.testkit;
