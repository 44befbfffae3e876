/** Regulated enterprises and their identity. */
@OwnsTables(
        value = {"regions", "enterprises", "violations", "trainings", "drills", "accidents"},
        publishes = {
            "enterprises_view",
            "regions_view",
            "violations_view",
            "trainings_view",
            "drills_view",
            "accidents_view"
        })
package org.safereg.enterprise;

import org.safereg.system.OwnsTables;
