package io.strata.adapters.persistence.shared;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.adapters.persistence.shared.PlainPageStatement.ColumnReader;
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
        assertThat(ColumnReader.of(id)).as("id: " + describe(id)).isEqualTo(ColumnReader.UUID_VALUE);
        assertReader(person, "username", ColumnReader.STRING);
        assertReader(person, "loginCount", ColumnReader.LONG);
        assertReader(person, "lastLoginAt", ColumnReader.INSTANT);
        assertReader(person, "preferences", ColumnReader.THROUGH_HIBERNATE); // JSON

        EntityPersister user = metamodel.getEntityDescriptor("io.strata.adapters.persistence.identity.UserJpaEntity");
        assertReader(user, "emailVerified", ColumnReader.BOOLEAN);
        assertReader(user, "role", ColumnReader.ENUM_BY_NAME);
        assertReader(user, "tags", ColumnReader.ARRAY);
        assertReader(
                metamodel.getEntityDescriptor("io.strata.adapters.persistence.workspace.ProjectJpaEntity"),
                "completion",
                ColumnReader.INTEGER);
    }

    private static void assertReader(EntityPersister persister, String attribute, ColumnReader expected) {
        JdbcMapping type = persister.findAttributeMapping(attribute).getSingleJdbcMapping();
        assertThat(ColumnReader.of(type)).as(attribute + ": " + describe(type)).isEqualTo(expected);
    }

    private static String describe(JdbcMapping type) {
        return type.getJdbcType().getClass().getName() + " + "
                + type.getJavaTypeDescriptor().getClass().getName()
                + (type.getValueConverter() == null ? "" : " with a converter");
    }
}
