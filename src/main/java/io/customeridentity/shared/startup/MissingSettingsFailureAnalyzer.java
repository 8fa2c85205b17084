package io.customeridentity.shared.startup;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a {@link MissingSettingsException} into Spring Boot's start-up failure report, without a stack trace. */
class MissingSettingsFailureAnalyzer extends AbstractFailureAnalyzer<MissingSettingsException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MissingSettingsException cause) {
        StringBuilder description = new StringBuilder("customer-identity cannot start: ")
                .append(cause.problems().size())
                .append(cause.problems().size() == 1 ? " required setting is" : " required settings are")
                .append(" missing or invalid:\n");
        cause.problems().forEach(problem -> description.append("\n  - ").append(problem));
        String action = "Set them (as environment variables, or as --name=value arguments) and start again; the"
                + " README's \"Configuration\" lists every setting. For local development, `mvn spring-boot:run`"
                + " uses the dev profile, which supplies all of them (an embedded database and development secrets).";
        return new FailureAnalysis(description.toString(), action, cause);
    }
}
