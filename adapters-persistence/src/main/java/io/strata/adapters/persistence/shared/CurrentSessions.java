package io.strata.adapters.persistence.shared;

import io.micronaut.configuration.hibernate.jpa.HibernateCurrentSessionContextClassProvider;
import io.micronaut.configuration.hibernate.jpa.JpaConfiguration;
import io.micronaut.configuration.hibernate.jpa.conf.serviceregistry.builder.configures.StandardServiceRegistryBuilderConfigurer;
import io.micronaut.context.BeanContext;
import io.micronaut.context.BeanProvider;
import io.micronaut.core.type.Argument;
import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.data.connection.ConnectionStatus;
import io.micronaut.inject.qualifiers.Qualifiers;
import jakarta.inject.Singleton;
import org.hibernate.HibernateException;
import org.hibernate.Session;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.context.spi.CurrentSessionContext;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.service.Service;

/**
 * Hibernate's current session: the session of the transaction (or connection) Micronaut has open on this thread,
 * exactly as Micronaut's own {@code MicronautSessionContext} finds it, but with the connection operations bean
 * resolved once per session factory. Micronaut's context resolves that bean in the bean context on every call, and
 * every {@code EntityManager} call of an adapter asks for the current session: the lookups were 4% of the CPU of
 * {@code POST /projects/{id}/tasks} and 1.8% of {@code GET /users/{id}} in the benchmark's profiles. The status itself
 * is found by {@link PropagatedStatus}, without Micronaut's copy of the propagated context.
 */
@Singleton
public class CurrentSessions
        implements StandardServiceRegistryBuilderConfigurer, HibernateCurrentSessionContextClassProvider {
    private final BeanContext beans;

    public CurrentSessions(BeanContext beans) {
        this.beans = beans;
    }

    /** Hands the session factory of {@code jpa} the provider of its data source's connection operations. */
    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void configure(JpaConfiguration jpa, StandardServiceRegistryBuilder builder) {
        Argument<BeanProvider> type =
                Argument.of(BeanProvider.class, Argument.of(ConnectionOperations.class, Session.class));
        BeanProvider<ConnectionOperations<Session>> provider = beans.getBean(type, Qualifiers.byName(jpa.getName()));
        builder.addService(Operations.class, new Operations(provider));
    }

    @Override
    public Class<? extends CurrentSessionContext> get() {
        return Context.class;
    }

    /** The connection operations of one session factory, resolved on first use (they need the factory built). */
    static final class Operations implements Service {
        private final BeanProvider<ConnectionOperations<Session>> provider;
        private volatile ConnectionOperations<Session> resolved;

        Operations(BeanProvider<ConnectionOperations<Session>> provider) {
            this.provider = provider;
        }

        ConnectionOperations<Session> get() {
            ConnectionOperations<Session> operations = resolved;
            if (operations == null) {
                operations = provider.get();
                resolved = operations;
            }
            return operations;
        }
    }

    /** The {@link CurrentSessionContext} Hibernate builds for each session factory. */
    public static final class Context implements CurrentSessionContext {
        private final Operations operations;

        public Context(SessionFactoryImplementor factory) {
            Operations found = factory.getServiceRegistry().getService(Operations.class);
            if (found == null) {
                throw new IllegalStateException("CurrentSessions did not configure this session factory");
            }
            this.operations = found;
        }

        @Override
        public Session currentSession() {
            ConnectionOperations<Session> connections = operations.get();
            Object status = PropagatedStatus.CONNECTION.find(connections, connections::findConnectionStatus);
            if (status == null) {
                JdbcTransaction jdbc = JdbcTransaction.current();
                if (jdbc != null) {
                    throw jdbc.needsSession(); // the read runs again in a transaction that has a session
                }
                throw new HibernateException("Could not obtain transaction-synchronized Session for current thread");
            }
            return (Session) ((ConnectionStatus<?>) status).getConnection();
        }
    }
}
