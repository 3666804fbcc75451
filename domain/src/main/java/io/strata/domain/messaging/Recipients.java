package io.strata.domain.messaging;

import io.strata.domain.shared.error.ValidationException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The to, cc and bcc address lists of an e-mail; bcc is shown to the sender only ({@link Email#seenBy}). */
public record Recipients(List<EmailAddress> to, List<EmailAddress> cc, List<EmailAddress> bcc) {
    public static final int MAX = 100;

    public Recipients {
        to = to == null ? List.of() : List.copyOf(to);
        cc = cc == null ? List.of() : List.copyOf(cc);
        bcc = bcc == null ? List.of() : List.copyOf(bcc);
        if (to.size() + cc.size() + bcc.size() > MAX) {
            throw new ValidationException("to", "at most " + MAX + " recipients in to, cc and bcc together");
        }
    }

    public static Recipients none() {
        return new Recipients(List.of(), List.of(), List.of());
    }

    /** Addresses read from a request: each checked, named by its index ({@code cc[1]}); duplicates dropped. */
    public static List<EmailAddress> parse(String field, List<String> addresses) {
        if (addresses == null) {
            return List.of();
        }
        Set<EmailAddress> parsed = new LinkedHashSet<>();
        for (int i = 0; i < addresses.size(); i++) {
            parsed.add(EmailAddress.of(field + "[" + i + "]", addresses.get(i)));
        }
        return List.copyOf(parsed);
    }

    public boolean isEmpty() {
        return to.isEmpty() && cc.isEmpty() && bcc.isEmpty();
    }

    /** Every address the e-mail is delivered to, each once. */
    public Set<EmailAddress> all() {
        Set<EmailAddress> all = new LinkedHashSet<>(to);
        all.addAll(cc);
        all.addAll(bcc);
        return all;
    }

    /** The same lists without bcc: what anyone but the sender sees. */
    public Recipients withoutBcc() {
        return bcc.isEmpty() ? this : new Recipients(to, cc, List.of());
    }

    /** Addresses of a reply-all: the original sender and every to and cc, but not {@code self}; never bcc. */
    static Recipients replyAll(EmailAddress originalFrom, Recipients original, EmailAddress self, boolean all) {
        List<EmailAddress> to = new ArrayList<>();
        if (!originalFrom.equals(self)) {
            to.add(originalFrom);
        }
        List<EmailAddress> cc = new ArrayList<>();
        if (all || to.isEmpty()) {
            original.to().stream()
                    .filter(a -> !a.equals(self) && !to.contains(a))
                    .forEach(to::add);
        }
        if (all) {
            original.cc().stream()
                    .filter(a -> !a.equals(self) && !to.contains(a))
                    .forEach(cc::add);
        }
        return new Recipients(to, cc, List.of());
    }
}
