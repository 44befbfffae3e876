/** The rule engine: loads, compiles and evaluates rule sets; the only package that touches KIE APIs. */
package org.safereg.engine;
