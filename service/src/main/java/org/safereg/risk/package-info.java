/** Risk level (风险等级) of each enterprise: red / orange / yellow / blue, as risk-level.xlsx decides it. */
package org.safereg.risk;
