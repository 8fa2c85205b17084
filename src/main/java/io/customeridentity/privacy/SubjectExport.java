package io.customeridentity.privacy;

import io.customeridentity.identifier.CustomerId;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Subject access and portability (GDPR Art. 15 and 20): one JSON document with everything held about a person,
 * decrypted, streamed while it is read from the database, so its size does not depend on memory.
 */
public interface SubjectExport {

    /**
     * Checks that the customer exists and records the export ({@link SubjectExported}); the document is written
     * only by {@link Document#writeTo}.
     *
     * @throws io.customeridentity.customer.CustomerNotFound when no customer has the ID
     */
    Document open(CustomerId id, String actor);

    /** The export of one person, ready to be written. */
    interface Document {

        /** Writes the whole document, page by page, and closes the stream. */
        void writeTo(OutputStream out) throws IOException;
    }
}
