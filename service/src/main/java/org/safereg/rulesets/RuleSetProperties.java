package org.safereg.rulesets;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Rule-set management.
 *
 * @param fourEyes when true, a version must be approved by a second policy admin (not its author) before it
 *     can be activated the first time; rolling back to a version that was active before needs no approval
 * @param maxFileSize the largest file an upload may carry; larger ones are refused
 * @param compileTimeout how long an upload or activation waits for its compile before it is refused
 * @param retainedSnapshots how many compiled versions besides the active one an instance keeps, so that
 *     activating a version just uploaded or rolling back to one just replaced needs no new compile
 * @param reevaluateOnActivation when true, an activation (or rollback) re-evaluates every enterprise's credit
 *     and risk level on the new version at once, started by the instance that activated it
 */
@ConfigurationProperties("safereg.rule-sets")
record RuleSetProperties(
        @DefaultValue("false") boolean fourEyes,
        @DefaultValue("5MB") DataSize maxFileSize,
        @DefaultValue("PT2M") Duration compileTimeout,
        @DefaultValue("3") int retainedSnapshots,
        @DefaultValue("true") boolean reevaluateOnActivation) {}
