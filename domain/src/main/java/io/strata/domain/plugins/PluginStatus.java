package io.strata.domain.plugins;

/** A plugin's lifecycle: installed (not yet enabled), active, disabled (by an operator or by its score), error. */
public enum PluginStatus {
    INSTALLED,
    ACTIVE,
    DISABLED,
    ERROR
}
