/** Coal-mine personnel positioning: mine areas, person cards entering and leaving them, and the area alarms. */
package org.safereg.positioning;
