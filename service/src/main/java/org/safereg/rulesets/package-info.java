/** Rule-set versions: stored in MySQL with their files, named by content hash. */
package org.safereg.rulesets;
