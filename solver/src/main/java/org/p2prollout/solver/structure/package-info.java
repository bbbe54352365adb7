/**
 * Graph structure of CTMCs: communicating classes and bottom strongly connected components,
 * computed without recursion ({@link org.p2prollout.solver.structure.CommunicatingClasses}).
 */
package org.p2prollout.solver.structure;
