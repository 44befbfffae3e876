/** Shared plumbing: security, problem details, clock, OpenAPI. */
@OwnsTables({"shedlock", "read_models"})
package org.safereg.system;
