package org.mamori.exchange.internal.taxii;

import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The TAXII server's limits ({@code mamori.taxii.*}).
 *
 * @param maxContentLength the largest request body accepted, advertised in the API root
 * @param maxPageSize the most objects one response holds, whatever limit a client asks for
 * @param batchSize how many posted objects are stored in one transaction: each is all or nothing
 *     and holds the collection's lock until it commits; 2,000 ATT&CK objects are about 4 MB
 */
@ConfigurationProperties("mamori.taxii")
@Validated
record TaxiiSettings(
    @DefaultValue("10MB") DataSize maxContentLength,
    @DefaultValue("1000") @Positive int maxPageSize,
    @DefaultValue("2000") @Positive int batchSize) {}
