package io.customeridentity.privacy.internal.export;

import io.customeridentity.account.AccountManagement;
import io.customeridentity.customer.CustomerDetails;
import io.customeridentity.customer.CustomerManagement;
import io.customeridentity.customer.CustomerMerges;
import io.customeridentity.customer.CustomerStatus;
import io.customeridentity.customer.Resolved;
import io.customeridentity.identifier.CustomerId;
import io.customeridentity.interaction.InteractionManagement;
import io.customeridentity.privacy.SubjectExport;
import io.customeridentity.privacy.SubjectExported;
import io.customeridentity.resolution.ResolutionManagement;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * Opens an export: resolves the person's merge group and records the export; {@link ExportWriter} then streams the
 * document from the modules' public reads, a page at a time.
 */
@Service
class DefaultSubjectExport implements SubjectExport {

    private final CustomerManagement customers;
    private final CustomerMerges merges;
    private final InteractionManagement interactions;
    private final AccountManagement accounts;
    private final ResolutionManagement resolution;
    private final ObjectProvider<AccessAuditSection> accessAudit;
    private final ApplicationEventPublisher events;
    private final JsonMapper json;
    private final Clock clock;

    DefaultSubjectExport(
            CustomerManagement customers,
            CustomerMerges merges,
            InteractionManagement interactions,
            AccountManagement accounts,
            ResolutionManagement resolution,
            ObjectProvider<AccessAuditSection> accessAudit,
            ApplicationEventPublisher events,
            JsonMapper json,
            Clock clock) {
        this.customers = customers;
        this.merges = merges;
        this.interactions = interactions;
        this.accounts = accounts;
        this.resolution = resolution;
        this.accessAudit = accessAudit;
        this.events = events;
        this.json = json;
        this.clock = clock;
    }

    @Override
    @Transactional
    public Document open(CustomerId id, String actor) {
        CustomerDetails customer = customers.find(id);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        events.publishEvent(new SubjectExported(id, actor, now));
        if (customer.status() == CustomerStatus.ERASED) {
            return out -> {
                try (JsonGenerator generator = json.createGenerator(out)) {
                    ExportWriter.tombstone(generator, customer, now);
                }
            };
        }
        CustomerId survivor = merges.survivorOf(id).map(Resolved::customerId).orElse(id);
        List<CustomerId> group = new ArrayList<>(List.of(survivor));
        merges.groupOf(survivor).stream()
                .filter(member -> !member.equals(survivor))
                .sorted(Comparator.comparing(CustomerId::value))
                .forEach(group::add);
        return out -> write(out, customer, survivor, group, now);
    }

    private void write(
            OutputStream out, CustomerDetails customer, CustomerId survivor, List<CustomerId> group, Instant now)
            throws IOException {
        try (JsonGenerator generator = json.createGenerator(out)) {
            new ExportWriter(generator, customers, merges, interactions, accounts, resolution)
                    .write(customer, survivor, group, now, accessAudit.getIfAvailable());
        }
    }
}
