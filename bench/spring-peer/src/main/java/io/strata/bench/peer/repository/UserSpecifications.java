package io.strata.bench.peer.repository;

import io.strata.bench.peer.domain.Role;
import io.strata.bench.peer.domain.User;
import java.time.Instant;
import org.springframework.data.jpa.domain.Specification;

/** The filters of the user list, combined with {@code Specification.where(...).and(...)}. */
public final class UserSpecifications {

    private UserSpecifications() {
    }

    public static Specification<User> hasRole(Role role) {
        return (root, query, cb) -> cb.equal(root.get("role"), role);
    }

    /**
     * Rows created at or before {@code createdAt}. Beside Spring Data's keyset predicate for (createdAt desc, id desc),
     * {@code createdAt < ? or (createdAt = ? and id < ?)}, which PostgreSQL can only apply as a filter while it walks
     * the index from the newest row, this bound lets it start the range scan of users_created_at_id_ix at the cursor
     * (EXPLAIN: page 100 of 100k users read 21 rows instead of ~3,400).
     */
    public static Specification<User> createdAtAtMost(Instant createdAt) {
        return (root, query, cb) -> cb.lessThanOrEqualTo(root.get("createdAt"), createdAt);
    }
}
