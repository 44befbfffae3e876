/** Risk level (风险等级) of each enterprise: red / orange / yellow / blue, as risk-level.xlsx decides it. */
@OwnsTables(
        value = {"risk_results", "risk_history", "risk_runs"},
        publishes = {"risk_results_view", "risk_history_view"})
package org.safereg.risk;

import org.safereg.system.OwnsTables;
