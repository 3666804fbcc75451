package io.strata.domain.plugins;

/** What a plugin extends. */
public enum PluginType {
    UI,
    DATA,
    INTEGRATION,
    AUTOMATION
}
