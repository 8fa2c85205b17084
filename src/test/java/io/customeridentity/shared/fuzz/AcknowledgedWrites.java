package io.customeridentity.shared.fuzz;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The customers and interactions the fuzzed requests were told were created (201, or CREATED in a batch), so that the
 * suite can check that the database gained exactly those: every acknowledged write stored, no refused one.
 */
final class AcknowledgedWrites {

    private final JsonMapper json;
    private final Set<String> customers = new HashSet<>();
    private final Set<String> interactions = new HashSet<>();
    private Set<String> customersBefore;
    private Set<String> interactionsBefore;

    AcknowledgedWrites(JsonMapper json) {
        this.json = json;
    }

    /** Remembers what is stored before the first fuzzed request. */
    void start(JdbcClient jdbc) {
        customersBefore = new HashSet<>(customerIds(jdbc));
        interactionsBefore = new HashSet<>(interactionIds(jdbc));
    }

    void note(FuzzRequest request, FuzzAnswer answer) {
        if (!request.method().equals("POST") || answer.status() / 100 != 2) {
            return;
        }
        JsonNode body;
        try {
            body = json.readTree(answer.body());
        } catch (JacksonException ex) {
            return;
        }
        switch (request.operation()) {
            case "POST /api/v1/customers" -> {
                if (answer.status() == 201) {
                    customers.add(body.path("id").asString());
                }
            }
            case "POST /api/v1/customers/{id}/interactions" -> {
                if (answer.status() == 201) {
                    interactions.add(body.path("id").asString());
                }
            }
            case "POST /api/v1/interactions/batch" ->
                body.path("results").forEach(result -> {
                    if (result.path("status").asString().equals("CREATED")) {
                        interactions.add(result.path("id").asString());
                    }
                });
            default -> {}
        }
    }

    Set<String> acknowledgedCustomers() {
        return customers;
    }

    Set<String> acknowledgedInteractions() {
        return interactions;
    }

    Set<String> newCustomers(JdbcClient jdbc) {
        Set<String> now = new HashSet<>(customerIds(jdbc));
        now.removeAll(customersBefore);
        return now;
    }

    Set<String> newInteractions(JdbcClient jdbc) {
        Set<String> now = new HashSet<>(interactionIds(jdbc));
        now.removeAll(interactionsBefore);
        return now;
    }

    private static List<String> customerIds(JdbcClient jdbc) {
        return jdbc.sql("SELECT id FROM customers").query(String.class).list();
    }

    private static List<String> interactionIds(JdbcClient jdbc) {
        return jdbc.sql("SELECT id::text FROM interactions").query(String.class).list();
    }
}
