package io.strata.adapters.persistence.shared;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.adapters.persistence.testing.PostgresTest;
import org.hibernate.SessionFactory;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.metamodel.mapping.JdbcMapping;
import org.hibernate.metamodel.spi.MappingMetamodelImplementor;
import org.hibernate.persister.entity.EntityPersister;
import org.junit.jupiter.api.Test;

/**
 * Which columns a plain page reads with the JDBC getter Hibernate's extractor would call, and which through the
 * extractor itself. That both give the same values, nulls included, is what {@code UserSearchTest}'s comparison of
 * plain pages with Hibernate's own pages shows for every column of a user.
 */
class PlainPageStatementReadersTest extends PostgresTest {

    @Test
    void basicColumnsAreReadWithTheirJdbcGetterAndTheRestThroughHibernate() {
        MappingMetamodelImplementor metamodel = bean(SessionFactory.class)
                .unwrap(SessionFactoryImplementor.class)
                .getMappingMetamodel();
        EntityPersister person = metamodel.getEntityDescriptor(SearchTestPerson.class);

        JdbcMapping id = person.getIdentifierMapping().getSingleJdbcMapping();
        assertThat(PlainPageStatement.reader(id)).as("id: " + describe(id)).isEqualTo(PlainPageStatement.UUID_VALUE);
        assertReader(person, "username", PlainPageStatement.STRING);
        assertReader(person, "loginCount", PlainPageStatement.LONG);
        assertReader(person, "lastLoginAt", PlainPageStatement.INSTANT);
        assertReader(person, "preferences", PlainPageStatement.THROUGH_HIBERNATE); // JSON

        EntityPersister user = metamodel.getEntityDescriptor("io.strata.adapters.persistence.identity.UserJpaEntity");
        assertReader(user, "emailVerified", PlainPageStatement.BOOLEAN);
        assertReader(user, "role", PlainPageStatement.THROUGH_HIBERNATE); // an enum
        assertReader(user, "tags", PlainPageStatement.THROUGH_HIBERNATE); // an array
        assertReader(
                metamodel.getEntityDescriptor("io.strata.adapters.persistence.workspace.ProjectJpaEntity"),
                "completion",
                PlainPageStatement.INTEGER);
    }

    private static void assertReader(EntityPersister persister, String attribute, int expected) {
        JdbcMapping type = persister.findAttributeMapping(attribute).getSingleJdbcMapping();
        assertThat(PlainPageStatement.reader(type))
                .as(attribute + ": " + describe(type))
                .isEqualTo(expected);
    }

    private static String describe(JdbcMapping type) {
        return type.getJdbcType().getClass().getName() + " + "
                + type.getJavaTypeDescriptor().getClass().getName()
                + (type.getValueConverter() == null ? "" : " with a converter");
    }
}
