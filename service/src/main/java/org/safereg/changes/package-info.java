/** The change feed of SafeReg's decisions (credit, risk, tasks) that other departments follow from a cursor. */
@OwnsTables({"decision_changes", "decision_change_sequence"})
package org.safereg.changes;

import org.safereg.system.OwnsTables;
