package io.customeridentity.identifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/** Reads the published test vectors under {@code src/test/resources/reference-data} from the class path. */
final class ReferenceData {

    private ReferenceData() {}

    /** Returns the tab-separated data rows of a file, skipping {@code #} comments and blank lines. */
    static List<List<String>> rows(String file) {
        return lines(file).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .map(line -> Arrays.asList(line.split("\t", -1)))
                .toList();
    }

    /** Returns the {@code #} comment lines of a file, without the {@code #}. */
    static List<String> comments(String file) {
        return lines(file).stream()
                .filter(line -> line.startsWith("#"))
                .map(line -> line.substring(1).strip())
                .toList();
    }

    private static List<String> lines(String file) {
        String resource = "/reference-data/" + file;
        try (InputStream in = ReferenceData.class.getResourceAsStream(resource)) {
            assertThat(in).as("class-path resource %s", resource).isNotNull();
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                return reader.lines().toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
