/**
 * Read models: each enterprise's current decision of one feature, copied from MySQL to Redis (or kept in
 * process), with the guard that sends reads to MySQL while the copy may be behind. Knows no feature.
 */
@OwnsTables("read_models")
package org.safereg.readmodel;

import org.safereg.system.OwnsTables;
