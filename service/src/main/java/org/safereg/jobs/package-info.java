/** Long jobs: one resource for how far a credit run, risk run, impact simulation or inspection plan got. */
@OwnsTables({"jobs", "job_partitions"})
package org.safereg.jobs;

import org.safereg.system.OwnsTables;
