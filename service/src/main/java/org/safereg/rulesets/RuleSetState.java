package org.safereg.rulesets;

/** Where a version stands. Only a version that compiled and passed its checks can become active. */
enum RuleSetState {
    /** Compiled and passed its checks; may be activated (after approval, when four eyes are required). */
    CANDIDATE,
    /** Did not compile or failed its examples; kept with its problems, never activated. */
    REJECTED,
    /** A second policy admin agreed to it. */
    APPROVED,
    /** In force. */
    ACTIVE,
    /** Was in force; activating it again is a rollback. */
    RETIRED
}
