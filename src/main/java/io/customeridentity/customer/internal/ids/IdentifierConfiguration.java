package io.customeridentity.customer.internal.ids;

import io.customeridentity.identifier.BodyPermutation;
import io.customeridentity.identifier.CustomerIdScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Builds the customer-ID scheme from configuration and the stored FF1 key. */
@Configuration(proxyBeanMethods = false)
class IdentifierConfiguration {

    @Bean
    CustomerIdScheme customerIdScheme(IdsProperties properties, CustomerIdKeyStore keys) {
        BodyPermutation permutation = new BodyPermutation(keys.load(properties.ff1Key()));
        return new CustomerIdScheme(properties.prefixes(), properties.defaultPrefix(), permutation);
    }
}
