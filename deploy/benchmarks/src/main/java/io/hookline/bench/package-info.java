/** Benchmarks: run by hand, report ratios; never asserted in tests. */
package io.hookline.bench;
