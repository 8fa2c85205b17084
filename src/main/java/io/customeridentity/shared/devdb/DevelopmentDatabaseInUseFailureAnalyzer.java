package io.customeridentity.shared.devdb;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Reports a second run on the same development database as one line naming the running one, no stack trace. */
class DevelopmentDatabaseInUseFailureAnalyzer extends AbstractFailureAnalyzer<DevelopmentDatabaseInUse> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DevelopmentDatabaseInUse cause) {
        return new FailureAnalysis(cause.getMessage(), "Stop the running one, then start again.", cause);
    }
}
