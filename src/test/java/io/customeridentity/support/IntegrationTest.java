package io.customeridentity.support;

import io.customeridentity.support.wire.WireRecording;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * A full-stack test on real PostgreSQL: the whole application on a random port, one cached context for every test
 * class that uses this annotation unchanged. Every response its {@code RestTestClient} receives is recorded for the
 * contract check ({@link WireRecording}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
@Import({TestDatabaseConfiguration.class, WireRecording.class})
@ActiveProfiles("test")
public @interface IntegrationTest {}
