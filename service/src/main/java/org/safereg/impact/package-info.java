/** Impact simulation: what activating a candidate rule set would change, decided by every feature, nothing written. */
package org.safereg.impact;
