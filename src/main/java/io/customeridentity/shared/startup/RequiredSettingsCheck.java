package io.customeridentity.shared.startup;

import java.util.Arrays;
import java.util.List;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.core.env.Environment;

/**
 * Runs {@link RequiredSettings} once every bean is defined and before any is created, so that a start without
 * configuration fails at once with every problem listed, not one problem per attempt inside a stack trace. Skipped
 * while Spring AOT processes the application at build time, where no configuration is expected.
 */
class RequiredSettingsCheck implements BeanFactoryPostProcessor {

    /** Spring Boot's own connection details, built from {@code spring.datasource.*}. */
    private static final String PROPERTIES_CONNECTION_DETAILS =
            "org.springframework.boot.jdbc.autoconfigure.PropertiesJdbcConnectionDetails";

    private final Environment environment;

    RequiredSettingsCheck(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        if (Boolean.getBoolean("spring.aot.processing")) {
            return;
        }
        List<String> problems = RequiredSettings.problems(environment, databaseFromBean(beanFactory));
        if (!problems.isEmpty()) {
            throw new MissingSettingsException(problems);
        }
    }

    /**
     * Whether the connection comes from somewhere other than {@code spring.datasource.url}: a connection-details bean
     * of our own (the development database, a test database, a Testcontainers service connection), or none at all
     * because the application defines its DataSource itself.
     */
    private static boolean databaseFromBean(ConfigurableListableBeanFactory beanFactory) {
        String[] names = beanFactory.getBeanNamesForType(JdbcConnectionDetails.class, true, false);
        return names.length == 0
                || Arrays.stream(names).anyMatch(name -> {
                    Class<?> type = beanFactory.getType(name, false);
                    return type == null || !type.getName().equals(PROPERTIES_CONNECTION_DETAILS);
                });
    }
}
