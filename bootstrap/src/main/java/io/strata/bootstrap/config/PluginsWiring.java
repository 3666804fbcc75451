package io.strata.bootstrap.config;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.strata.application.plugins.PluginPolicy;
import jakarta.inject.Singleton;

/** The plugin use cases' settings from configuration ({@code strata.plugins.*}). */
@Factory
public class PluginsWiring {

    @Singleton
    PluginPolicy pluginPolicy(@Value("${strata.plugins.disable-at-score:40}") int disableAtScore) {
        return new PluginPolicy(disableAtScore);
    }
}
