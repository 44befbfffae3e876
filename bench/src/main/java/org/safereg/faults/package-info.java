/** The fault suite: real stores and instances killed under load, and what was lost, counted from MySQL. */
package org.safereg.faults;
