package io.customeridentity.customer.internal.versions;

import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/** Reads of the append-only profile versions (written by {@code CustomerTables}). */
interface CustomerVersions extends Repository<CustomerVersion, CustomerVersion.Key> {

    /** Version headers newest first, below a version (keyset pagination). */
    @Query("""
            select new io.customeridentity.customer.internal.versions.VersionHeader(
                v.version, v.recordedAt, v.recordedBy, v.changedFields, v.reasonCiphertext, v.dataKeyId)
            from CustomerVersion v
            where v.customerId = :customerId and v.version < :before
            order by v.version desc""")
    List<VersionHeader> findHeaders(String customerId, int before, Limit limit);
}
