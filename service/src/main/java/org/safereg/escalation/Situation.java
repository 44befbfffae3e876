package org.safereg.escalation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.safereg.engine.FiredRule;
import org.safereg.engine.RuleInProgress;

/**
 * A fact escalation-policy.xlsx decides about, and the output of that decision: whom to notify through
 * which channel, and which enforcement tasks to order. Each notice and order records the rule that made it.
 * The table's action columns build them one property at a time ({@link #escalateTo} then {@link #via};
 * {@link #order} then {@link #priority}, ...), each applying to what the same rule made last. Not
 * thread-safe: one per evaluation.
 */
public abstract class Situation {

    private final long enterpriseId;
    private final List<Notice> notices = new ArrayList<>();
    private final List<Order> orders = new ArrayList<>();

    Situation(long enterpriseId) {
        this.enterpriseId = enterpriseId;
    }

    public long getEnterpriseId() {
        return enterpriseId;
    }

    /** Notify this recipient: SAFETY_OFFICER, PRINCIPAL, COUNTY, CITY, PROVINCE. */
    public void escalateTo(String recipient) {
        notices.add(new Notice(recipient, null, rule()));
    }

    /** The channel of the notice this rule just made: SMS, PHONE, APP. */
    public void via(String channel) {
        Notice last = last(notices);
        notices.set(notices.size() - 1, new Notice(last.recipient(), channel, last.rule()));
    }

    /** Order an enforcement task of this type. */
    public void order(String type) {
        orders.add(new Order(type, 3, 30, null, false, rule()));
    }

    public void priority(int priority) {
        Order o = last(orders);
        orders.set(orders.size() - 1, new Order(o.type(), priority, o.dueDays(), o.legalBasis(), o.posted(), o.rule()));
    }

    /** Days from today within which the task is to be done. */
    public void dueWithinDays(int days) {
        Order o = last(orders);
        orders.set(orders.size() - 1, new Order(o.type(), o.priority(), days, o.legalBasis(), o.posted(), o.rule()));
    }

    public void legalBasis(String basis) {
        Order o = last(orders);
        orders.set(orders.size() - 1, new Order(o.type(), o.priority(), o.dueDays(), basis, o.posted(), o.rule()));
    }

    /** Whether the task puts the hazard under posted supervision (挂牌督办). */
    public void postedSupervision(boolean posted) {
        Order o = last(orders);
        orders.set(orders.size() - 1, new Order(o.type(), o.priority(), o.dueDays(), o.legalBasis(), posted, o.rule()));
    }

    List<Notice> notices() {
        return Collections.unmodifiableList(notices);
    }

    List<Order> orders() {
        return Collections.unmodifiableList(orders);
    }

    private static FiredRule rule() {
        return RuleInProgress.current().orElse(null);
    }

    private static <T> T last(List<T> made) {
        if (made.isEmpty()) {
            throw new IllegalStateException("a rule set a property before it made a notice or an order");
        }
        return made.get(made.size() - 1);
    }

    /** Notify {@code recipient} through {@code channel}. */
    record Notice(String recipient, String channel, FiredRule rule) {}

    /** Order an enforcement task. */
    record Order(String type, int priority, int dueDays, String legalBasis, boolean posted, FiredRule rule) {}
}
