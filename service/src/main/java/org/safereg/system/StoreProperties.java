package org.safereg.system;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How SafeReg watches the stores it depends on (see {@link StoreWatch}).
 *
 * @param probeEvery how often MySQL and Redis are probed; health and readiness are at most this far behind
 */
@ConfigurationProperties("safereg.stores")
record StoreProperties(@DefaultValue("PT1S") Duration probeEvery) {}
