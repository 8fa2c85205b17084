package io.customeridentity.customer.internal.versions;

import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/** Append-only profile versions: saving is the only write. */
interface CustomerVersions extends Repository<CustomerVersion, CustomerVersion.Key> {

    CustomerVersion save(CustomerVersion version);

    void flush();

    /** Version headers newest first, below a version (keyset pagination). */
    @Query("""
            select new io.customeridentity.customer.internal.versions.VersionHeader(
                v.version, v.recordedAt, v.recordedBy, v.changedFields, v.reasonCiphertext, v.dataKeyId)
            from CustomerVersion v
            where v.customerId = :customerId and v.version < :before
            order by v.version desc""")
    List<VersionHeader> findHeaders(String customerId, int before, Limit limit);
}
