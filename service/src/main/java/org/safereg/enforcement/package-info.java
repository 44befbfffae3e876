/**
 * Enforcement decisions (行政处罚裁量): what the Work Safety Law and the discretion benchmark allow for each violation
 * an inspection found, decided by the enforcement-discretion DMN model of the version in force, kept with its
 * provenance, and shown to inspectors, policy staff and the enterprise concerned.
 */
@OwnsTables({"enforcement_decisions"})
package org.safereg.enforcement;

import org.safereg.system.OwnsTables;
