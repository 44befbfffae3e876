/** Shared plumbing: security, problem details, clock, OpenAPI. */
@OwnsTables("shedlock")
package org.safereg.system;
