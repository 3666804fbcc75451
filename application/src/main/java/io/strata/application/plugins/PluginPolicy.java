package io.strata.application.plugins;

/**
 * Settings of the plugin use cases, from configuration ({@code strata.plugins.*}).
 *
 * @param disableAtScore a plugin whose security score falls to or below this is disabled (0..100)
 */
public record PluginPolicy(int disableAtScore) {
    public PluginPolicy {
        if (disableAtScore < 0 || disableAtScore > 100) {
            throw new IllegalArgumentException("plugin policy: disable-at-score must be 0..100");
        }
    }
}
