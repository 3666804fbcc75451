package io.strata.domain.identity;

public record TagCount(String tag, long count) {}
