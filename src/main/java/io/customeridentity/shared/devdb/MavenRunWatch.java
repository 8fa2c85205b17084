package io.customeridentity.shared.devdb;

import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;

/**
 * Stops a run started by {@code mvn spring-boot:run} when that Maven process is gone. Maven runs the service in a
 * JVM of its own, which {@code kill -9} of Maven leaves running, holding the port and the development database;
 * stopping it cleanly also stops its PostgreSQL, so that the next {@code mvn spring-boot:run} simply starts.
 */
class MavenRunWatch implements ApplicationListener<ApplicationReadyEvent> {

    private static final Logger log = LoggerFactory.getLogger(MavenRunWatch.class);

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        mavenParent()
                .ifPresent(maven -> maven.onExit().thenRun(() -> {
                    log.warn("The Maven process that started this run (pid {}) has gone: stopping", maven.pid());
                    System.exit(SpringApplication.exit(event.getApplicationContext(), () -> 0));
                }));
    }

    /** The parent process if it is Maven (its launcher, plexus-classworlds, is on its command line). */
    static Optional<ProcessHandle> mavenParent() {
        return ProcessHandle.current()
                .parent()
                .filter(parent -> parent.info()
                        .commandLine()
                        .map(command -> command.contains("plexus-classworlds")
                                || command.contains("org.codehaus.plexus.classworlds"))
                        .orElse(false));
    }
}
