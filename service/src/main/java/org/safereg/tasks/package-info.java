/** Enforcement tasks (执法任务) for the dispatch system: created with the decision, relayed to a Redis stream, completed with results. */
package org.safereg.tasks;
