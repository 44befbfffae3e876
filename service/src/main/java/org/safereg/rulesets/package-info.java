/** Rule-set versions: stored in MySQL with their files, named by content hash. */
@OwnsTables({"rule_sets", "rule_set_files", "rule_set_rules", "rule_set_activations", "rule_set_audit"})
package org.safereg.rulesets;

import org.safereg.system.OwnsTables;
