/** Hidden hazards (隐患): recorded by self-check, platform screening or department verification, rectified and verified. */
@OwnsTables(
        value = {"hazards"},
        publishes = {"hazards_view"})
package org.safereg.hazards;

import org.safereg.system.OwnsTables;
