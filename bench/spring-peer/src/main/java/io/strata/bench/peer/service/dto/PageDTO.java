package io.strata.bench.peer.service.dto;

import java.util.List;

/** A page of a list: {@code {"items": [...], "page": {"limit", "nextCursor", "total"}}}. */
public record PageDTO<T>(List<T> items, PageInfo page) {

    /** {@code nextCursor} is null on the last page; {@code total} is not counted (no {@code count=} parameter). */
    public record PageInfo(int limit, String nextCursor, Long total) {
    }
}
