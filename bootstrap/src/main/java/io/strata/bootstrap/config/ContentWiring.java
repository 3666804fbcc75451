package io.strata.bootstrap.config;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.convert.format.ReadableBytes;
import io.strata.application.content.ContentPolicy;
import jakarta.inject.Singleton;
import java.time.Duration;

/** The content use cases' settings from configuration ({@code strata.content.*}). */
@Factory
public class ContentWiring {

    @Singleton
    ContentPolicy contentPolicy(
            @Value("${strata.content.max-file-size:1GB}") @ReadableBytes long maxFileBytes,
            @Value("${strata.content.blob-grace:1h}") Duration blobGrace,
            @Value("${strata.content.sweep-batch:500}") int sweepBatch,
            @Value("${strata.content.upload-expiry:24h}") Duration uploadExpiry) {
        return new ContentPolicy(maxFileBytes, blobGrace, sweepBatch, uploadExpiry);
    }
}
