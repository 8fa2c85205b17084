package io.customeridentity.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The table the OpenAPI error responses are built from and the README's error catalogue say the same. */
class ProblemCatalogueTests {

    private static final Pattern ROW = Pattern.compile("^\\| (\\d{3}) \\| `([a-z-]+)` \\|");

    @Test
    void listsExactlyTheProblemsOfTheReadmeErrorCatalogue() throws IOException {
        Set<String> readme = new LinkedHashSet<>();
        boolean inErrors = false;
        for (String line : Files.readAllLines(Path.of("README.md"))) {
            if (line.startsWith("## ")) {
                inErrors = line.equals("## Errors");
            }
            Matcher row = ROW.matcher(line);
            if (inErrors && row.find()) {
                readme.add(row.group(1) + " " + row.group(2));
            }
        }
        Set<String> table = new LinkedHashSet<>();
        ProblemCatalogue.ENTRIES.forEach(entry -> table.add(entry.status() + " " + entry.code()));

        assertThat(readme).hasSizeGreaterThan(30);
        assertThat(table).containsExactlyInAnyOrderElementsOf(readme);
    }

    @Test
    void eachExampleIsAProblemOfItsOwnStatusAndCode() {
        for (ProblemCatalogue.Entry entry : ProblemCatalogue.ENTRIES) {
            assertThat(entry.example())
                    .as(entry.code())
                    .containsEntry("status", entry.status())
                    .containsEntry("code", entry.code())
                    .containsEntry("type", "/problems/" + entry.code())
                    .containsKeys("title", "detail", "instance", "requestId");
        }
        assertThat(ProblemCatalogue.forStatus(412))
                .extracting(ProblemCatalogue.Entry::code)
                .containsExactly("version-conflict");
        assertThat(ProblemCatalogue.forStatus(403))
                .extracting(ProblemCatalogue.Entry::code)
                .containsExactly("insufficient-scope");
    }
}
