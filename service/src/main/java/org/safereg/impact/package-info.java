/** Impact simulation: what activating a candidate rule set would change, decided by every feature, nothing written. */
@OwnsTables({"rule_set_impacts"})
package org.safereg.impact;

import org.safereg.system.OwnsTables;
