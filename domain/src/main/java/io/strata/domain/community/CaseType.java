package io.strata.domain.community;

public enum CaseType {
    WARN,
    MUTE,
    KICK,
    BAN,
    NOTE
}
