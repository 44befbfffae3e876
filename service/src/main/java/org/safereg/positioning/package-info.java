/** Coal-mine personnel positioning: mine areas, person cards entering and leaving them, and the area alarms. */
@OwnsTables({"mine_areas", "position_events", "mine_area_presence", "mine_alarm_persons"})
package org.safereg.positioning;

import org.safereg.system.OwnsTables;
