package org.safereg.hazards;

enum HazardGrade {
    /** 一般隐患 */
    GENERAL,
    /** 重大事故隐患 */
    MAJOR
}
