package io.customeridentity.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Runs a test class with request, SQL and JDBC-parameter logging at their most verbose and the output captured, to
 * prove secrets stay out of logs. Levels are set for the class only (logging is JVM-wide, shared by every cached
 * application context) and restored afterwards.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith({OutputCaptureExtension.class, VerboseLogging.Levels.class})
public @interface VerboseLogging {

    /** Raises the loggers for the tests of the class, puts them back after it. */
    class Levels implements BeforeEachCallback, AfterAllCallback {

        private static final Map<String, LogLevel> VERBOSE = Map.of(
                "org.springframework.web", LogLevel.TRACE,
                // The tests' own HTTP client logs what it sends; it is not the service.
                "org.springframework.web.client", LogLevel.INFO,
                "org.springframework.jdbc", LogLevel.TRACE,
                "org.hibernate.SQL", LogLevel.DEBUG,
                "org.hibernate.orm.jdbc.bind", LogLevel.TRACE,
                "io.customeridentity", LogLevel.TRACE);

        /** Before each test, not before the class: starting the application context resets the levels. */
        @Override
        public void beforeEach(ExtensionContext context) {
            LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
            VERBOSE.forEach(logging::setLogLevel);
        }

        @Override
        public void afterAll(ExtensionContext context) {
            LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
            VERBOSE.keySet().forEach(logger -> logging.setLogLevel(logger, null));
        }
    }
}
