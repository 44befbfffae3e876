package org.safereg.hazards;

/** Who found a hazard: the three tiers of screening. */
enum HazardSource {
    /** 企业自查 */
    SELF_CHECK,
    /** 平台筛查 */
    PLATFORM_SCREENING,
    /** 部门核查 */
    DEPARTMENT_VERIFICATION
}
