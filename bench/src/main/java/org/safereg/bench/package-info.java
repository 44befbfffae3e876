/** The bench's entry point and the HTTP client its load drivers share; never part of the service. */
package org.safereg.bench;
