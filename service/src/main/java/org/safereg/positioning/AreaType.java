package org.safereg.positioning;

/**
 * The kinds of mine area AQ 1119-2023 distinguishes, and the alarms each has: a restricted area (限制区域)
 * alarms on anyone in it, a key area (重点区域) on more persons than its capacity; every area with a dwell
 * limit alarms on a stay longer than it (超时).
 */
enum AreaType {
    RESTRICTED,
    KEY,
    DANGER,
    NORMAL
}
