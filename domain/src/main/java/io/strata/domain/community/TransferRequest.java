package io.strata.domain.community;

import io.strata.domain.shared.error.ConflictException;
import io.strata.domain.shared.error.ValidationException;
import io.strata.domain.shared.value.Text;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * What a client asks the ledger to do: move {@code amount} points between two members named by their external
 * user ids (null: the guild's account). The client's {@code id} makes a retry safe.
 */
public record TransferRequest(UUID id, Long fromUserId, Long toUserId, long amount, String reason) {
    public static final int MAX_REASON = 500;
    /** Balances are bigint; a transfer stays far below anything that could overflow a sum. */
    public static final long MAX_AMOUNT = 1_000_000_000_000L;

    public TransferRequest {
        if (id == null) {
            throw new ValidationException("id", "is required");
        }
        if (fromUserId != null) {
            ExternalIds.require("from", fromUserId);
        }
        if (toUserId != null) {
            ExternalIds.require("to", toUserId);
        }
        if (fromUserId == null && toUserId == null) {
            throw new ValidationException("to", "is required");
        }
        if (amount <= 0) {
            throw new ValidationException("amount", "must be greater than 0");
        }
        if (amount > MAX_AMOUNT) {
            throw new ValidationException("amount", "must be at most " + MAX_AMOUNT);
        }
        if (Objects.equals(fromUserId, toUserId)) {
            throw new ValidationException("to", "cannot be the sender: a transfer to oneself moves nothing");
        }
        reason = Text.optional("reason", reason, MAX_REASON);
    }

    /** The fields in which this request differs from the stored transfer of the same id (empty: a true retry). */
    public List<String> differencesFrom(PointsTransfer stored) {
        List<String> fields = new ArrayList<>();
        if (!Objects.equals(fromUserId, stored.fromUserId())) {
            fields.add("from");
        }
        if (!Objects.equals(toUserId, stored.toUserId())) {
            fields.add("to");
        }
        if (amount != stored.amount()) {
            fields.add("amount");
        }
        if (!Objects.equals(reason, stored.reason())) {
            fields.add("reason");
        }
        return fields;
    }

    /** The stored transfer when this is its retry; a 409 naming the differing fields when the id was reused. */
    public PointsTransfer replay(PointsTransfer stored) {
        List<String> differing = differencesFrom(stored);
        if (!differing.isEmpty()) {
            throw new ConflictException("transfer " + id + " exists with a different " + String.join(", ", differing)
                    + " (differing fields: " + String.join(",", differing) + ")");
        }
        return stored;
    }
}
