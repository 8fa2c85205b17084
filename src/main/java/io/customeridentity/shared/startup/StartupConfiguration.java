package io.customeridentity.shared.startup;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** Registers the required-settings check. */
@Configuration(proxyBeanMethods = false)
class StartupConfiguration {

    /** Static: a bean factory post-processor must not wait for its configuration class to be created. */
    @Bean
    static RequiredSettingsCheck requiredSettingsCheck(Environment environment) {
        return new RequiredSettingsCheck(environment);
    }
}
