package io.strata.bootstrap.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.configuration.hibernate.jpa.proxy.IntrospectedHibernateBytecodeProvider;
import io.strata.bootstrap.testing.IntegrationTest;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.bytecode.spi.BytecodeProvider;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.junit.jupiter.api.Test;

/**
 * Hibernate makes no classes at runtime: its bytecode provider is Micronaut's, built on compile-time introspections,
 * not ByteBuddy. strata.jar leaves ByteBuddy out (bootstrap/pom.xml), so a configuration that brought it back into
 * use would fail here rather than in the packaged server.
 */
class HibernateBytecodeTest extends IntegrationTest {

    @Test
    void hibernateUsesMicronautsCompileTimeBytecodeProvider() {
        SessionFactoryImplementor sessionFactory =
                bean(EntityManagerFactory.class).unwrap(SessionFactoryImplementor.class);

        BytecodeProvider provider = sessionFactory.getServiceRegistry().getService(BytecodeProvider.class);

        assertThat(provider).isInstanceOf(IntrospectedHibernateBytecodeProvider.class);
    }
}
