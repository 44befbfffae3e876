/** Enterprise safety credit: facts, the scoring rules' input and output facts, the batch job and the API. */
@OwnsTables(
        value = {"credit_results", "credit_history", "credit_jobs"},
        publishes = {"credit_results_view", "credit_history_view"})
package org.safereg.credit;

import org.safereg.system.OwnsTables;
