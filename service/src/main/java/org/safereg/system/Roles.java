package org.safereg.system;

import java.util.Set;

/**
 * The roles a token may carry in its {@code roles} claim. Spring Security sees each as the authority
 * {@code ROLE_<name>}, so {@code @PreAuthorize("hasRole('POLICY_ADMIN')")} and
 * {@link Caller#hasRole(String)} both take the bare name.
 */
public final class Roles {

    public static final String POLICY_ADMIN = "POLICY_ADMIN";
    public static final String POLICY_VIEWER = "POLICY_VIEWER";
    public static final String DISPATCH = "DISPATCH";
    public static final String INSPECTOR = "INSPECTOR";
    /** Scoped to one enterprise, named by the token's {@code enterprise_id} claim. */
    public static final String ENTERPRISE = "ENTERPRISE";

    public static final String SENSOR_GATEWAY = "SENSOR_GATEWAY";
    public static final String REGULATOR = "REGULATOR";
    /** Another department's system: imports and exports the facts it holds, follows the change feed. */
    public static final String DEPARTMENT = "DEPARTMENT";

    public static final Set<String> ALL =
            Set.of(POLICY_ADMIN, POLICY_VIEWER, DISPATCH, INSPECTOR, ENTERPRISE, SENSOR_GATEWAY, REGULATOR, DEPARTMENT);

    private Roles() {}
}
