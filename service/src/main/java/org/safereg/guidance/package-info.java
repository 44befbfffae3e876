/**
 * An enterprise's own page: its credit tier and risk level in plain Chinese from the decisions' provenance, the
 * indicator that costs it most, and the smallest changes of its facts that the rules in force say would lift it.
 */
@OwnsTables({})
package org.safereg.guidance;

import org.safereg.system.OwnsTables;
