/** Shared plumbing: security, problem details, clock, OpenAPI. */
package org.safereg.system;
