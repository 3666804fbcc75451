package io.strata.bootstrap.testing;

import com.zaxxer.hikari.HikariDataSource;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.core.order.Ordered;
import jakarta.inject.Singleton;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;

/**
 * Records, for every statement the application prepares, whether its JDBC connection was read-only: the flag a
 * replica router routes by; and knows which threads hold a connection. Wraps the pool (Hikari's {@link DataSource}) in a JDK proxy; active only in test classes
 * that set {@value #ENABLED} (see {@link IntegrationTest#additionalProperties()}).
 */
@Singleton
@Requires(property = ConnectionProbe.ENABLED, value = "true")
public class ConnectionProbe implements BeanCreatedEventListener<DataSource>, Ordered {
    public static final String ENABLED = "strata.test.connection-probe";

    private final List<Statement> statements = new CopyOnWriteArrayList<>();
    /** Pooled connections each thread has taken and not yet closed. */
    private final ThreadLocal<int[]> held = ThreadLocal.withInitial(() -> new int[1]);
    /** Only the thread that called {@link #clear()} is recorded: background work (the event relay) is not the test's. */
    private volatile Thread recorded;

    /** One statement: its SQL and whether the connection was read-only when it was prepared. */
    public record Statement(String sql, boolean readOnly) {}

    @Override
    public DataSource onCreated(BeanCreatedEvent<DataSource> event) {
        DataSource pool = event.getBean();
        if (!(pool instanceof HikariDataSource)) {
            return pool; // Micronaut's contextual wrappers resolve to the pool; wrapping them would hide it
        }
        return proxy(DataSource.class, pool, (method, args) -> {
            Object result = method.invoke(pool, args);
            if (result instanceof Connection connection && method.getName().equals("getConnection")) {
                held.get()[0]++;
                return connection(connection);
            }
            return result;
        });
    }

    /** First, on the pool itself: Micronaut's own listener then wraps the probe in its contextual data source. */
    @Override
    public int getOrder() {
        return HIGHEST_PRECEDENCE;
    }

    /** Starts over, recording the statements of the calling thread only. */
    public void clear() {
        recorded = Thread.currentThread();
        statements.clear();
    }

    public List<Statement> statements() {
        return List.copyOf(statements);
    }

    /** Whether the calling thread holds a connection of the pool right now (taken and not yet given back). */
    public boolean callerHoldsAConnection() {
        return held.get()[0] > 0;
    }

    private Connection connection(Connection connection) {
        int[] holder = held.get();
        boolean[] closed = {false};
        return proxy(Connection.class, connection, (method, args) -> {
            if (method.getName().equals("close") && !closed[0]) {
                closed[0] = true;
                holder[0]--;
            }
            if ((method.getName().startsWith("prepare") || method.getName().equals("createStatement"))
                    && Thread.currentThread() == recorded) {
                String sql = args != null && args.length > 0 && args[0] instanceof String s ? s : "<statement>";
                statements.add(new Statement(sql, connection.isReadOnly()));
            }
            return method.invoke(connection, args);
        });
    }

    private interface Call {
        Object invoke(Method method, Object[] args) throws Throwable;
    }

    private static <T> T proxy(Class<T> type, T target, Call call) {
        InvocationHandler handler = (proxy, method, args) -> {
            try {
                return call.invoke(method, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
    }
}
