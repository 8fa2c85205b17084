package io.customeridentity.customer.internal.ids;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Customer-ID settings: the allowed prefixes, the default one, and optionally the FF1 key (base64 of 32 bytes) when
 * it is kept outside the database.
 */
@ConfigurationProperties("customer-identity.ids")
record IdsProperties(
        @DefaultValue("AC") List<String> prefixes,
        @DefaultValue("AC") String defaultPrefix,
        String ff1Key) {}
