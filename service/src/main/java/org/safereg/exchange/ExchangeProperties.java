package org.safereg.exchange;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Data exchange with other departments.
 *
 * @param maxFile the largest file an import accepts (it is kept on disk while it is read twice)
 * @param chunk entries matched and written per statement
 */
@ConfigurationProperties("safereg.exchange")
record ExchangeProperties(@DefaultValue("512MB") DataSize maxFile, @DefaultValue("1000") int chunk) {}
