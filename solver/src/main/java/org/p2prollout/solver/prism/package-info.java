/**
 * PRISM's explicit model files ({@code .tra}, {@code .sta}, {@code .lab}), read into a
 * {@link org.p2prollout.solver.Generator} and written back exactly, so models can be
 * cross-checked with PRISM or Storm. See {@link org.p2prollout.solver.prism.PrismExplicit}.
 */
package org.p2prollout.solver.prism;
