/** The deterministic synthetic province that the embedded default and the benchmarks run on. */
package org.safereg.province;
