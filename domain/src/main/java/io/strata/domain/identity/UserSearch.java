package io.strata.domain.identity;

import io.strata.domain.shared.query.FieldType;
import io.strata.domain.shared.query.QuerySchema;
import io.strata.domain.shared.query.SortOrder;
import io.strata.domain.shared.user.Role;

/** What clients may filter and sort users by; {@code q} searches username, e-mail and full name. */
public final class UserSearch {
    public static final QuerySchema SCHEMA = QuerySchema.builder("users")
            .text("username", true)
            .text("email", true)
            .enumeration("status", UserStatus.class, false)
            .enumeration("role", Role.class, false)
            .textSet("tags")
            .comparable("emailVerified", FieldType.BOOLEAN, false)
            .comparable("createdAt", FieldType.INSTANT, true)
            .comparable("lastLoginAt", FieldType.INSTANT, true)
            .defaultSort(SortOrder.desc("createdAt"))
            .build();

    private UserSearch() {}
}
