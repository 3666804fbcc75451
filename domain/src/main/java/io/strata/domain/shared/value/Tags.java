package io.strata.domain.shared.value;

import io.strata.domain.shared.error.ValidationException;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/** A small set of short labels (users, projects, tasks). Sorted so that equal sets compare equal. */
public record Tags(Set<String> values) {
    public static final int MAX_TAGS = 50;
    public static final int MAX_LENGTH = 50;

    public Tags {
        TreeSet<String> clean = new TreeSet<>();
        for (String raw : values == null ? Set.<String>of() : values) {
            if (raw == null) {
                throw new ValidationException("tags", "tags must not be null");
            }
            if (raw.isBlank()) {
                throw new ValidationException("tags", "tags must not be blank");
            }
            Storable.text("tags", raw);
            String tag = raw.strip();
            if (tag.length() > MAX_LENGTH) {
                throw new ValidationException(
                        "tags", "tag '" + tag.substring(0, 20) + "...' is longer than " + MAX_LENGTH);
            }
            clean.add(tag);
        }
        if (clean.size() > MAX_TAGS) {
            throw new ValidationException("tags", "at most " + MAX_TAGS + " tags");
        }
        values = java.util.Collections.unmodifiableSortedSet(clean);
    }

    public static Tags of(Collection<String> values) {
        // not a TreeSet: it would throw a NullPointerException on a null element before the check above
        return new Tags(values == null ? Set.of() : new java.util.LinkedHashSet<>(values));
    }

    public static Tags none() {
        return new Tags(Set.of());
    }

    public Tags plus(Collection<String> more) {
        TreeSet<String> all = new TreeSet<>(values);
        all.addAll(more);
        return new Tags(all);
    }

    public Tags minus(Collection<String> less) {
        TreeSet<String> all = new TreeSet<>(values);
        all.removeAll(less);
        return new Tags(all);
    }
}
