package org.safereg.credit;

/** Production-safety accident grades (生产安全事故等级), most severe first. */
public enum AccidentGrade {
    /** 特别重大事故 */
    ESPECIALLY_SERIOUS,
    /** 重大事故 */
    SERIOUS,
    /** 较大事故 */
    LARGER,
    /** 一般事故 */
    GENERAL
}
