package io.customeridentity.shared.startup;

import java.util.List;

/** Start-up was refused because required settings are missing or invalid; lists every one of them. */
public class MissingSettingsException extends IllegalStateException {

    private final List<String> problems;

    MissingSettingsException(List<String> problems) {
        // Short on purpose: the context logs this message as a warning before the failure report gives the details.
        super(problems.size() + " required setting(s) missing or invalid; see the start-up failure report");
        this.problems = List.copyOf(problems);
    }

    /** One line per missing or invalid setting. */
    public List<String> problems() {
        return problems;
    }
}
