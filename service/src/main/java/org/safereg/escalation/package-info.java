/** Escalation (逐级推送): follows unacknowledged alarms, overdue hazards and falling credit to a person or an enforcement task. */
@OwnsTables({"notifications"})
package org.safereg.escalation;

import org.safereg.system.OwnsTables;
