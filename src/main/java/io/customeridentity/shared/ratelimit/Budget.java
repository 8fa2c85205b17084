package io.customeridentity.shared.ratelimit;

/** The two budgets of each caller: every request spends the general one, look-ups the look-up one too. */
public enum Budget {
    GENERAL("general"),
    LOOKUP("lookup");

    private final String policy;

    Budget(String policy) {
        this.policy = policy;
    }

    /** Its name in the {@code RateLimit-Policy} and {@code RateLimit} headers and in problem details. */
    public String policy() {
        return policy;
    }
}
