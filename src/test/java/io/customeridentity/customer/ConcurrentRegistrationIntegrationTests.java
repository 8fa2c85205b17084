package io.customeridentity.customer;

import static org.assertj.core.api.Assertions.assertThat;

import io.customeridentity.CustomerIdentityApplication;
import io.customeridentity.identifier.CustomerId;
import io.customeridentity.support.IntegrationTest;
import io.customeridentity.support.TestDatabaseConfiguration;
import io.customeridentity.support.TestTokens;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/** Several service instances on one database never issue the same ID. */
@IntegrationTest
class ConcurrentRegistrationIntegrationTests {

    private static final int CREATES = 500;

    @LocalServerPort
    int port;

    @Autowired
    CustomerManagement customers;

    @Test
    void issuesDistinctValidIdsUnderConcurrentCreatesFromTwoInstances() throws Exception {
        try (ConfigurableApplicationContext second = new SpringApplicationBuilder(
                        CustomerIdentityApplication.class, TestDatabaseConfiguration.class)
                .profiles("test")
                .properties("server.port=0")
                .run()) {
            int secondPort = second.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
            List<RestClient> instances = List.of(clientFor(port), clientFor(secondPort));

            List<Future<String>> results = new ArrayList<>();
            ExecutorService pool = Executors.newFixedThreadPool(32);
            try {
                for (int i = 0; i < CREATES; i++) {
                    RestClient instance = instances.get(i % 2);
                    int n = i;
                    results.add(pool.submit(() -> create(instance, n)));
                }
            } finally {
                pool.shutdown();
            }

            Set<String> ids = new HashSet<>();
            for (Future<String> result : results) {
                String id = result.get();
                assertThat(CustomerId.parse(id).value()).isEqualTo(id);
                ids.add(id);
            }
            assertThat(ids).hasSize(CREATES);
            for (String id : ids) {
                assertThat(customers.find(CustomerId.parse(id)).id().value()).isEqualTo(id);
            }
        }
    }

    private static RestClient clientFor(int port) {
        return RestClient.builder()
                .baseUrl("http://127.0.0.1:" + port)
                .defaultHeader("Authorization", "Bearer " + TestTokens.readWrite())
                .build();
    }

    private static String create(RestClient instance, int n) {
        CreatedId created = instance.post()
                .uri("/api/v1/customers")
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"givenName\": \"Concurrent " + n + "\"}")
                .retrieve()
                .body(CreatedId.class);
        return created.id();
    }

    record CreatedId(String id) {}
}
