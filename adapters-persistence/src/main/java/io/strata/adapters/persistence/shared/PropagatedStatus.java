package io.strata.adapters.persistence.shared;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.propagation.PropagatedContext;
import io.micronaut.core.propagation.PropagatedContextElement;
import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.data.connection.ConnectionStatus;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.TransactionStatus;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The transaction or connection status Micronaut keeps on the propagated context, found as Micronaut finds it but
 * without its cost. Micronaut's own lookups ({@code findTransactionStatus}, {@code findConnectionStatus}) copy the
 * whole propagated context into a list, reverse it and stream it on every call, and Strata asks on every adapter
 * call (the check of {@link JoinsTransaction}) and every {@code EntityManager} call (the current session): 4.5% of
 * the CPU of {@code GET /projects/{id}} in a profile. Here the innermost element of Micronaut's status type is
 * taken with {@link PropagatedContext#find(Class)} (a loop, no copy): when it belongs to the asking operations, it
 * is the very element Micronaut's lookup would return; otherwise (another data source's, or Micronaut's internals
 * changed) Micronaut's lookup answers.
 */
final class PropagatedStatus {
    /** {@link TransactionOperations#findTransactionStatus()}'s element: a {@link TransactionStatus}. */
    static final PropagatedStatus TRANSACTION = new PropagatedStatus(
            "io.micronaut.transaction.support.AbstractPropagatedStatusTransactionOperations"
                    + "$PropagatedTransactionStatusElement",
            "transactionOperations");
    /** {@link ConnectionOperations#findConnectionStatus()}'s element: a {@link ConnectionStatus}. */
    static final PropagatedStatus CONNECTION = new PropagatedStatus(
            "io.micronaut.data.connection.support.AbstractConnectionOperations$ConnectionPropagatedContextElement",
            "connectionOperations");

    private final @Nullable Class<? extends PropagatedContextElement> type;
    private final @Nullable MethodHandle owner;
    private final @Nullable MethodHandle status;

    private PropagatedStatus(String elementType, String ownerAccessor) {
        Class<? extends PropagatedContextElement> found = null;
        MethodHandle ownerHandle = null;
        MethodHandle statusHandle = null;
        try {
            found = Class.forName(elementType, false, PropagatedStatus.class.getClassLoader())
                    .asSubclass(PropagatedContextElement.class);
            ownerHandle = accessor(found, ownerAccessor);
            statusHandle = accessor(found, "status");
        } catch (ReflectiveOperationException | RuntimeException e) {
            found = null; // Micronaut's own lookup answers every call
        }
        this.type = found;
        this.owner = ownerHandle;
        this.status = statusHandle;
    }

    private static MethodHandle accessor(Class<?> type, String name) throws ReflectiveOperationException {
        Method method = type.getDeclaredMethod(name);
        method.setAccessible(true); // a public record accessor of a package-private class
        return MethodHandles.lookup().unreflect(method).asType(MethodType.methodType(Object.class, Object.class));
    }

    /** Whether the fast path is in use (it is, unless Micronaut renamed its element types). */
    boolean fast() {
        return type != null;
    }

    /**
     * The status of {@code operations} on this thread's propagated context, or null: what {@code micronautLookup}
     * (Micronaut's own lookup on the same operations) finds, found without copying the context when possible.
     */
    @Nullable Object find(Object operations, Supplier<? extends Optional<?>> micronautLookup) {
        if (type == null) {
            return micronautLookup.get().orElse(null);
        }
        PropagatedContextElement innermost =
                PropagatedContext.getOrEmpty().find(type).orElse(null);
        if (innermost == null) {
            return null; // no element of the type at all: Micronaut's lookup finds none either
        }
        try {
            if ((Object) owner.invokeExact((Object) innermost) == operations) {
                return (Object) status.invokeExact((Object) innermost);
            }
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) { // record accessors declare no checked exception
            throw new IllegalStateException("cannot read Micronaut's propagated status", e);
        }
        return micronautLookup
                .get()
                .orElse(null); // an outer element may be this operations' (another data source is innermost)
    }
}
