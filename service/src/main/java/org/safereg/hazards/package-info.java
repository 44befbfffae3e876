/** Hidden hazards (隐患): recorded by self-check, platform screening or department verification, rectified and verified. */
@OwnsTables(
        value = {"hazards", "hazard_classifications", "hazard_type_matches", "hazard_screening_flags"},
        publishes = {"hazards_view", "hazard_types_view", "hazard_screening_flags_view"})
package org.safereg.hazards;

import org.safereg.system.OwnsTables;
