/** SafeReg: the rules-engine-centric enforcement decision service for work-safety supervision. */
package org.safereg;
