package io.customeridentity.crypto;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the master key from configuration and refuses to start without a valid one. */
@Configuration(proxyBeanMethods = false)
public class CryptoConfiguration {

    @Bean
    MasterKey masterKey(@Value("${customer-identity.crypto.master-key:}") String base64) {
        try {
            return MasterKey.fromBase64(base64);
        } catch (IllegalArgumentException invalid) {
            throw new IllegalStateException(
                    "Cannot start without a valid master key: " + invalid.getMessage(), invalid);
        }
    }

    @Bean
    EnvelopeEncryption envelopeEncryption(MasterKey masterKey) {
        return new EnvelopeEncryption(masterKey);
    }
}
