/** Hidden hazards (隐患): recorded by self-check, platform screening or department verification, rectified and verified. */
package org.safereg.hazards;
