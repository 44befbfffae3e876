/** Differentiated inspection plans (差异化监管, 双随机一公开): how often, who is drawn, who goes where. */
@OwnsTables(
        value = {"inspection_plans", "inspection_plan_items"},
        publishes = {"inspection_plan_items_view"})
package org.safereg.inspection;

import org.safereg.system.OwnsTables;
