package io.customeridentity.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** The storable-input rules of JSON bodies, on a mapper configured as the service's is. */
class StorableJsonTests {

    private final JsonMapper json = mapper();

    private static JsonMapper mapper() {
        JsonMapper.Builder builder = JsonMapper.builder();
        new StorableJsonConfiguration().storableInput().customize(builder);
        return builder.build();
    }

    record Holder(String text, Instant at) {}

    @Test
    void readsStorableValues() {
        Holder holder =
                json.readValue("{\"text\":\"Ada \\ud83d\\ude00\",\"at\":\"2026-01-01T00:00:00Z\"}", Holder.class);

        assertThat(holder.text()).isEqualTo("Ada \ud83d\ude00");
        assertThat(holder.at()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
    }

    @Test
    void refusesAnInstantBefore1900WithTheRule() {
        assertThatThrownBy(() -> json.readValue("{\"at\":\"1899-12-31T23:59:59Z\"}", Holder.class))
                .satisfies(ex ->
                        assertThat(JsonPaths.messageOf((JacksonException) ex)).contains("1900"));
    }

    @Test
    void refusesNulWithTheRule() {
        assertThatThrownBy(() -> json.readValue("{\"text\":\"a\\u0000\"}", Holder.class))
                .satisfies(ex ->
                        assertThat(JsonPaths.messageOf((JacksonException) ex)).contains("NUL"));
    }
}
