package io.customeridentity.support;

import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.testcontainers.postgresql.PostgreSQLContainer;

/** Points a test application context at the JVM's {@link TestDatabase}. */
@TestConfiguration(proxyBeanMethods = false)
public class TestDatabaseConfiguration {

    /** Docker: Boot derives the connection from the container; the container outlives every context. */
    @Bean(destroyMethod = "")
    @ServiceConnection
    @Conditional(UsesContainer.class)
    PostgreSQLContainer postgresContainer() {
        return TestDatabase.get().container();
    }

    /** No Docker: a throwaway database on a server, or an embedded PostgreSQL. */
    @Bean
    @Conditional(UsesServer.class)
    JdbcConnectionDetails testDatabaseConnection() {
        TestDatabase database = TestDatabase.get();
        return new JdbcConnectionDetails() {
            @Override
            public String getUsername() {
                return database.username();
            }

            @Override
            public String getPassword() {
                return database.password();
            }

            @Override
            public String getJdbcUrl() {
                return database.jdbcUrl();
            }
        };
    }

    static class UsesContainer implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return TestDatabase.get().strategy() == TestDatabase.Strategy.TESTCONTAINERS;
        }
    }

    static class UsesServer implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !new UsesContainer().matches(context, metadata);
        }
    }
}
