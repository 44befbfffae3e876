/** Regulated enterprises, their identity, and the facts other departments hold about them. */
@OwnsTables(
        value = {"regions", "enterprises", "violations", "trainings", "drills", "accidents", "licences"},
        publishes = {
            "enterprises_view",
            "regions_view",
            "violations_view",
            "trainings_view",
            "drills_view",
            "accidents_view",
            "licences_view"
        })
package org.safereg.enterprise;

import org.safereg.system.OwnsTables;
