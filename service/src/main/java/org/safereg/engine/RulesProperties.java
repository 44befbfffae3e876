package org.safereg.engine;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the rule set is read from.
 *
 * @param location a directory holding {@code rules/} (DRL) and {@code decision-tables/} (workbooks),
 *     such as the repository's root; when unset, the copies packaged in the jar are used
 */
@ConfigurationProperties("safereg.rules")
public record RulesProperties(Path location) {}
