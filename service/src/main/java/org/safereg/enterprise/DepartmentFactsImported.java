package org.safereg.enterprise;

import java.util.List;

/**
 * Facts other departments hold were imported (a registry, licences, accidents, penalties, trainings, drills or
 * inspection results): published once per import, after it committed, naming every enterprise whose facts it
 * changed, so that their decisions are re-evaluated once.
 */
public record DepartmentFactsImported(List<Long> enterpriseIds, String dataset) implements EnterpriseFactsChanged {

    public DepartmentFactsImported {
        enterpriseIds = EnterpriseFactsChanged.requireSome(enterpriseIds);
    }

    @Override
    public String cause() {
        return "IMPORT";
    }
}
