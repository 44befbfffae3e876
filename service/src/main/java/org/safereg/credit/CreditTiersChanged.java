package org.safereg.credit;

import java.util.List;
import org.safereg.enterprise.EnterpriseFactsChanged;

/** The credit tier of each of these enterprises changed. */
public record CreditTiersChanged(List<Long> enterpriseIds) implements EnterpriseFactsChanged {

    public CreditTiersChanged {
        enterpriseIds = EnterpriseFactsChanged.requireSome(enterpriseIds);
    }

    @Override
    public String cause() {
        return "CREDIT";
    }
}
