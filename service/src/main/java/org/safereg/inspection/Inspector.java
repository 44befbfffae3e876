package org.safereg.inspection;

import java.util.Set;
import org.safereg.enterprise.RegionCodes;

/**
 * An inspector available to a plan.
 *
 * @param region the region they work in, at any level: they may inspect its sub-regions
 * @param capacity inspections they can make in the plan's period
 * @param conflicts credit codes of enterprises they must not inspect (回避)
 */
record Inspector(String id, String name, String region, int capacity, Set<String> conflicts) {

    boolean covers(String enterpriseRegion) {
        return enterpriseRegion.startsWith(RegionCodes.prefix(region));
    }
}
