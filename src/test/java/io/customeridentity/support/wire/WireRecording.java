package io.customeridentity.support.wire;

import org.springframework.boot.resttestclient.autoconfigure.RestTestClientBuilderCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** Makes the integration tests' {@code RestTestClient} record every response for the contract check. */
@TestConfiguration(proxyBeanMethods = false)
public class WireRecording {

    @Bean
    RestTestClientBuilderCustomizer wireRecording() {
        return builder -> builder.requestInterceptor(WireRecorder.interceptor());
    }
}
