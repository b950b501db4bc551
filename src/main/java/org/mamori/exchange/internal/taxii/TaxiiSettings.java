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
 * @param batchSize how many posted objects are stored in one transaction
 */
@ConfigurationProperties("mamori.taxii")
@Validated
record TaxiiSettings(
    @DefaultValue("10MB") DataSize maxContentLength,
    @DefaultValue("1000") @Positive int maxPageSize,
    @DefaultValue("500") @Positive int batchSize) {}
