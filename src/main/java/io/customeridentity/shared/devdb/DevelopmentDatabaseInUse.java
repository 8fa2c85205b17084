package io.customeridentity.shared.devdb;

import java.nio.file.Path;

/** A second run was started on a development data directory that a running one owns. */
class DevelopmentDatabaseInUse extends IllegalStateException {

    DevelopmentDatabaseInUse(Path dataDirectory, String owner) {
        super("The development database " + dataDirectory + " is in use by another run of customer-identity ("
                + owner + "): stop that one first (Ctrl+C in its terminal, or kill " + pid(owner) + "), or give"
                + " this one its own customer-identity.dev-database.data-directory");
    }

    private static String pid(String owner) {
        return owner.startsWith("pid ") ? owner.substring(4).split("[ ,]", 2)[0] : "its process";
    }
}
