package io.customeridentity.shared.devdb;

import java.io.IOException;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * The development default: with the {@code dev} profile (what {@code mvn spring-boot:run} uses) and no
 * {@code spring.datasource.url}, runs a real embedded PostgreSQL whose data survives restarts. The production jar
 * does not contain the embedded binaries, so there this configuration never applies. One run owns the data directory
 * at a time; see {@link DevelopmentDatabase}.
 */
@Configuration(proxyBeanMethods = false)
@Profile("dev")
@ConditionalOnClass(name = "io.zonky.test.db.postgres.embedded.EmbeddedPostgres")
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class DevelopmentDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DevelopmentDatabaseConfiguration.class);

    @Bean(destroyMethod = "close")
    DevelopmentDatabase developmentPostgres(
            @Value("${customer-identity.dev-database.data-directory:./.data/postgres}") Path dataDirectory)
            throws IOException {
        DevelopmentDatabase postgres = DevelopmentDatabase.start(dataDirectory);
        log.warn(
                "Using the embedded DEVELOPMENT PostgreSQL database in {} (port {}); set spring.datasource.url for any"
                        + " real deployment",
                postgres.dataDirectory(),
                postgres.port());
        return postgres;
    }

    @Bean
    MavenRunWatch mavenRunWatch() {
        return new MavenRunWatch();
    }

    @Bean
    JdbcConnectionDetails developmentDatabaseConnection(DevelopmentDatabase postgres) {
        String url = postgres.jdbcUrl();
        return new JdbcConnectionDetails() {
            @Override
            public String getUsername() {
                return "postgres";
            }

            @Override
            public String getPassword() {
                return null;
            }

            @Override
            public String getJdbcUrl() {
                return url;
            }
        };
    }
}
