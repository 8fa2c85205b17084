package io.customeridentity.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;

/**
 * Runs an {@link IntegrationTest} with request, SQL and JDBC-parameter logging at their most verbose and the output
 * captured, to prove secrets stay out of logs. Tests using it share one application context.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(
        properties = {
            "logging.level.org.springframework.web=TRACE",
            // The tests' own HTTP client logs what it sends; it is not the service.
            "logging.level.org.springframework.web.client=INFO",
            "logging.level.org.springframework.jdbc=TRACE",
            "logging.level.org.hibernate.SQL=DEBUG",
            "logging.level.org.hibernate.orm.jdbc.bind=TRACE",
            "logging.level.io.customeridentity=TRACE"
        })
public @interface VerboseLogging {}
