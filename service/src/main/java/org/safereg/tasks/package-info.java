/** Enforcement tasks (执法任务) for the dispatch system: created with the decision, relayed to a Redis stream, completed with results. */
@OwnsTables(
        value = {"enforcement_tasks", "task_outbox", "inspection_results"},
        publishes = {"enforcement_tasks_view"})
package org.safereg.tasks;

import org.safereg.system.OwnsTables;
