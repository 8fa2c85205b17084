package io.customeridentity.crypto;

import java.util.UUID;

/**
 * The associated data that binds each stored ciphertext to its row and column, so that a value copied elsewhere does
 * not decrypt: {@code <table>:<row key>:<purpose>}. Persistent like the ciphertexts themselves: every string here
 * must stay exactly as it is for as long as values encrypted with it are stored.
 */
public final class AssociatedData {

    private AssociatedData() {}

    /** A profile snapshot in {@code customer_versions}. */
    public static String profile(String customerId, int version) {
        return customerVersion(customerId, version, "profile");
    }

    /** The change reason of a version in {@code customer_versions}. */
    public static String changeReason(String customerId, int version) {
        return customerVersion(customerId, version, "reason");
    }

    /** The personal details of a row of {@code interactions}. */
    public static String interactionDetails(UUID interactionId) {
        return "interactions:" + interactionId + ":details";
    }

    /** The account number of a row of {@code account_links}. */
    public static String accountNumber(UUID linkId) {
        return "account_links:" + linkId + ":number";
    }

    private static String customerVersion(String customerId, int version, String purpose) {
        return "customer_versions:" + customerId + ":" + version + ":" + purpose;
    }
}
