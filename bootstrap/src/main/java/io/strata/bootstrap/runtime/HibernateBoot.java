package io.strata.bootstrap.runtime;

import io.micronaut.context.BeanContext;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.EachBean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Parameter;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.annotation.Order;
import io.micronaut.core.order.Ordered;
import io.micronaut.inject.qualifiers.Qualifiers;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import org.hibernate.SessionFactory;
import org.hibernate.boot.SessionFactoryBuilder;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hibernate's session factory, built on a thread of its own ({@link StartupWork}) while the main thread makes the
 * rest of the start. Micronaut builds it on the main thread, an eager bean, before everything after it; it is the
 * largest single piece of a start (about 40% of a restart's main thread: JFR, 10 ms sampling). The bean in its place
 * is a stand-in ({@link #standIn}) made at once: who only holds the factory (the transaction managers, the
 * {@code EntityManager} proxies, the plain transaction's interceptor) does not wait; the first call waits for the
 * build, then every call goes on to the built factory. {@code unwrap} too: the stand-in never hands itself out, so
 * what keeps the implementor (the plain transaction's interceptor) keeps the built one and calls it directly. The
 * steps before it (the service registry, the metadata, the builder) are Micronaut's own beans, made on that thread.
 */
@Factory
public class HibernateBoot {
    private static final Logger LOG = LoggerFactory.getLogger(HibernateBoot.class);

    @Context
    @Order(Ordered.HIGHEST_PRECEDENCE) // the first of the eager beans: its thread starts as soon as it can
    @Bean(preDestroy = "close")
    @EachBean(DataSource.class)
    @Replaces(bean = SessionFactory.class)
    SessionFactory sessionFactory(@Parameter String name, BeanContext beans, StartupWork work) {
        return standIn(work.start("hibernate-boot-" + name, () -> {
            long started = System.nanoTime();
            SessionFactoryImplementor built = beans.getBean(SessionFactoryBuilder.class, Qualifiers.byName(name))
                    .build()
                    .unwrap(SessionFactoryImplementor.class);
            LOG.debug("Hibernate for {} built in {} ms", name, (System.nanoTime() - started) / 1_000_000);
            return built;
        }));
    }

    /** A session factory that is {@code built} once it is: each call waits for it, then goes on to it. */
    static SessionFactory standIn(CompletableFuture<SessionFactoryImplementor> built) {
        return (SessionFactory) Proxy.newProxyInstance(
                HibernateBoot.class.getClassLoader(),
                new Class<?>[] {SessionFactoryImplementor.class},
                new StandIn(built));
    }

    private static final class StandIn implements InvocationHandler {
        private final CompletableFuture<SessionFactoryImplementor> built;
        private volatile SessionFactoryImplementor target;

        StandIn(CompletableFuture<SessionFactoryImplementor> built) {
            this.built = built;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            SessionFactoryImplementor factory = target;
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    default -> factory == null ? "SessionFactory (being built)" : factory.toString();
                };
            }
            if (factory == null) {
                if (method.getName().equals("close") && built.isCompletedExceptionally()) {
                    return null; // nothing was built: nothing to close (the start failed with the build's failure)
                }
                factory = StartupWork.join(built);
                target = factory;
            }
            try {
                return method.invoke(factory, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }
}
