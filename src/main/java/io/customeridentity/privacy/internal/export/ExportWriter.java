package io.customeridentity.privacy.internal.export;

import io.customeridentity.account.AccountLink;
import io.customeridentity.account.AccountManagement;
import io.customeridentity.customer.CustomerDetails;
import io.customeridentity.customer.CustomerManagement;
import io.customeridentity.customer.CustomerMerge;
import io.customeridentity.customer.CustomerMerges;
import io.customeridentity.customer.CustomerProfile;
import io.customeridentity.customer.VersionSummary;
import io.customeridentity.identifier.CustomerId;
import io.customeridentity.interaction.Interaction;
import io.customeridentity.interaction.InteractionManagement;
import io.customeridentity.interaction.TimelineQuery;
import io.customeridentity.resolution.ExternalRef;
import io.customeridentity.resolution.ResolutionManagement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.core.JsonGenerator;

/**
 * Writes one export document (README "Subject access export") to a generator while it reads: profile versions and
 * the interaction timeline a page at a time, so that memory holds one page, however much there is. Each member is
 * written as soon as it is read; nothing is collected but the merges (a handful) and the consent changes (one per
 * version at most).
 */
final class ExportWriter {

    static final String FORMAT = "customer-identity/subject-export/v1";

    private static final int VERSION_PAGE = CustomerManagement.MAX_PAGE_SIZE;
    private static final int INTERACTION_PAGE = InteractionManagement.MAX_PAGE_SIZE;

    private final JsonGenerator json;
    private final CustomerManagement customers;
    private final CustomerMerges merges;
    private final InteractionManagement interactions;
    private final AccountManagement accounts;
    private final ResolutionManagement resolution;

    ExportWriter(
            JsonGenerator json,
            CustomerManagement customers,
            CustomerMerges merges,
            InteractionManagement interactions,
            AccountManagement accounts,
            ResolutionManagement resolution) {
        this.json = json;
        this.customers = customers;
        this.merges = merges;
        this.interactions = interactions;
        this.accounts = accounts;
        this.resolution = resolution;
    }

    /** An erased person's export: the tombstone, nothing else. */
    static void tombstone(JsonGenerator json, CustomerDetails customer, Instant now) {
        json.writeStartObject();
        header(json, customer, now);
        json.writeStringProperty("erasedAt", customer.updatedAt().toString());
        json.writeEndObject();
    }

    void write(
            CustomerDetails customer,
            CustomerId survivor,
            List<CustomerId> group,
            Instant now,
            AccessAuditSection accessAudit) {
        json.writeStartObject();
        header(json, customer, now);
        json.writeArrayPropertyStart("mergeGroup");
        group.forEach(id -> json.writeString(id.value()));
        json.writeEndArray();
        List<ConsentChange> consent = new ArrayList<>();
        json.writeArrayPropertyStart("profileVersions");
        group.forEach(id -> profileVersions(id, consent));
        json.writeEndArray();
        json.writeArrayPropertyStart("consentHistory");
        consent.forEach(this::consentChange);
        json.writeEndArray();
        json.writeArrayPropertyStart("interactions");
        interactions(survivor);
        json.writeEndArray();
        json.writeArrayPropertyStart("accountLinks");
        accounts.links(survivor, true).forEach(this::accountLink);
        json.writeEndArray();
        json.writeArrayPropertyStart("externalRefs");
        resolution.externalRefs(survivor, true).forEach(this::externalRef);
        json.writeEndArray();
        json.writeArrayPropertyStart("merges");
        merges(group).values().forEach(this::merge);
        json.writeEndArray();
        if (accessAudit != null) {
            accessAudit.write(json, group);
        }
        json.writeEndObject();
    }

    private static void header(JsonGenerator json, CustomerDetails customer, Instant now) {
        json.writeStringProperty("format", FORMAT);
        json.writeStringProperty("exportedAt", now.toString());
        json.writeStringProperty("customerId", customer.id().value());
        json.writeStringProperty("displayId", customer.id().displayForm());
        json.writeStringProperty("status", customer.status().name());
    }

    /** Every version of one customer, newest first, each with its decrypted profile. */
    private void profileVersions(CustomerId id, List<ConsentChange> consent) {
        Integer before = null;
        while (true) {
            List<VersionSummary> page = customers.versions(id, before, VERSION_PAGE);
            for (VersionSummary summary : page) {
                CustomerProfile profile =
                        customers.findVersion(id, summary.version()).profile();
                json.writeStartObject();
                json.writeStringProperty("customerId", id.value());
                json.writeNumberProperty("version", summary.version());
                json.writeStringProperty("recordedAt", summary.createdAt().toString());
                json.writeStringProperty("recordedBy", summary.changedBy());
                json.writeArrayPropertyStart("changedFields");
                summary.changedFields().forEach(json::writeString);
                json.writeEndArray();
                if (summary.reason() != null) {
                    json.writeStringProperty("reason", summary.reason());
                }
                profile(profile);
                json.writeEndObject();
                if (summary.version() == 1 || summary.changedFields().contains("preferences")) {
                    consent.add(new ConsentChange(id, summary.version(), summary.createdAt(), profile.preferences()));
                }
            }
            if (page.size() < VERSION_PAGE) {
                return;
            }
            before = page.get(page.size() - 1).version();
        }
    }

    /** The profile as the API shows it: absent values left out. */
    private void profile(CustomerProfile profile) {
        json.writeObjectPropertyStart("profile");
        optional("givenName", profile.givenName());
        optional("familyName", profile.familyName());
        optional(
                "birthDate",
                profile.birthDate() == null ? null : profile.birthDate().toString());
        optional("email", profile.email());
        optional("phone", profile.phone());
        CustomerProfile.Address address = profile.address();
        if (address != null) {
            json.writeObjectPropertyStart("address");
            optional("line1", address.line1());
            optional("line2", address.line2());
            optional("city", address.city());
            optional("region", address.region());
            optional("postalCode", address.postalCode());
            optional("country", address.country());
            json.writeEndObject();
        }
        CustomerProfile.Preferences preferences = profile.preferences();
        if (preferences != null) {
            json.writeObjectPropertyStart("preferences");
            optional("language", preferences.language());
            json.writeArrayPropertyStart("contactChannels");
            preferences.contactChannels().forEach(channel -> json.writeString(channel.name()));
            json.writeEndArray();
            if (preferences.marketingConsent() != null) {
                json.writeBooleanProperty("marketingConsent", preferences.marketingConsent());
            }
            if (preferences.consentUpdatedAt() != null) {
                json.writeStringProperty(
                        "consentUpdatedAt", preferences.consentUpdatedAt().toString());
            }
            json.writeEndObject();
        }
        attributes(profile.attributes());
        json.writeEndObject();
    }

    private void attributes(Map<String, String> attributes) {
        json.writeObjectPropertyStart("attributes");
        if (attributes != null) {
            attributes.forEach(json::writeStringProperty);
        }
        json.writeEndObject();
    }

    private void optional(String name, String value) {
        if (value != null) {
            json.writeStringProperty(name, value);
        }
    }

    private record ConsentChange(
            CustomerId customerId, int version, Instant recordedAt, CustomerProfile.Preferences preferences) {}

    private void consentChange(ConsentChange change) {
        json.writeStartObject();
        json.writeStringProperty("customerId", change.customerId().value());
        json.writeNumberProperty("version", change.version());
        json.writeStringProperty("recordedAt", change.recordedAt().toString());
        CustomerProfile.Preferences preferences = change.preferences();
        if (preferences != null && preferences.marketingConsent() != null) {
            json.writeBooleanProperty("marketingConsent", preferences.marketingConsent());
        }
        if (preferences != null && preferences.consentUpdatedAt() != null) {
            json.writeStringProperty(
                    "consentUpdatedAt", preferences.consentUpdatedAt().toString());
        }
        json.writeArrayPropertyStart("contactChannels");
        if (preferences != null) {
            preferences.contactChannels().forEach(channel -> json.writeString(channel.name()));
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    /** The whole timeline of the merge group, newest first, a page at a time (keyset paging, as the API pages). */
    private void interactions(CustomerId survivor) {
        Instant afterOccurredAt = null;
        UUID afterId = null;
        while (true) {
            List<Interaction> page = interactions.timeline(
                    survivor, new TimelineQuery(null, null, null, null, INTERACTION_PAGE, afterOccurredAt, afterId));
            page.forEach(this::interaction);
            json.flush();
            if (page.size() < INTERACTION_PAGE) {
                return;
            }
            Interaction last = page.get(page.size() - 1);
            afterOccurredAt = last.occurredAt();
            afterId = last.id();
        }
    }

    private void interaction(Interaction interaction) {
        json.writeStartObject();
        json.writeStringProperty("id", interaction.id().toString());
        json.writeStringProperty("customerId", interaction.customerId().value());
        json.writeStringProperty("type", interaction.type().name());
        json.writeStringProperty("channel", interaction.channel().name());
        json.writeStringProperty("occurredAt", interaction.occurredAt().toString());
        json.writeStringProperty("recordedAt", interaction.recordedAt().toString());
        json.writeStringProperty("source", interaction.source());
        json.writeStringProperty("externalId", interaction.externalId());
        if (interaction.amount() != null) {
            json.writeObjectPropertyStart("amount");
            json.writeStringProperty("value", interaction.amount().value().toPlainString());
            json.writeStringProperty("currency", interaction.amount().currency());
            json.writeEndObject();
        }
        if (interaction.rating() != null) {
            json.writeNumberProperty("rating", interaction.rating());
        }
        optional("subject", interaction.subject());
        optional("note", interaction.note());
        attributes(interaction.attributes());
        json.writeEndObject();
    }

    private void accountLink(AccountLink link) {
        json.writeStartObject();
        json.writeStringProperty("linkId", link.linkId().toString());
        json.writeStringProperty("customerId", link.customerId().value());
        json.writeStringProperty("type", link.type().name());
        json.writeStringProperty("masked", link.masked());
        json.writeStringProperty("last4", link.last4());
        if (link.label() != null) {
            json.writeStringProperty("label", link.label());
        }
        json.writeStringProperty("linkedAt", link.linkedAt().toString());
        if (link.unlinkedAt() != null) {
            json.writeStringProperty("unlinkedAt", link.unlinkedAt().toString());
        }
        json.writeStringProperty("status", link.status().name());
        json.writeEndObject();
    }

    private void externalRef(ExternalRef ref) {
        json.writeStartObject();
        json.writeStringProperty("refId", ref.refId().toString());
        json.writeStringProperty("customerId", ref.customerId().value());
        json.writeStringProperty("system", ref.system());
        json.writeStringProperty("externalId", ref.externalId());
        json.writeStringProperty("linkedAt", ref.linkedAt().toString());
        if (ref.endedAt() != null) {
            json.writeStringProperty("endedAt", ref.endedAt().toString());
        }
        json.writeEndObject();
    }

    /** Every merge any member took part in, once each, oldest first per member. */
    private Map<UUID, CustomerMerge> merges(List<CustomerId> group) {
        Map<UUID, CustomerMerge> all = new LinkedHashMap<>();
        group.forEach(id -> merges.mergesOf(id).forEach(merge -> all.putIfAbsent(merge.mergeId(), merge)));
        return all;
    }

    private void merge(CustomerMerge merge) {
        json.writeStartObject();
        json.writeStringProperty("mergeId", merge.mergeId().toString());
        json.writeStringProperty("survivorId", merge.survivorId().value());
        json.writeStringProperty("mergedCustomerId", merge.mergedCustomerId().value());
        json.writeStringProperty("at", merge.at().toString());
        json.writeStringProperty("by", merge.by());
        if (merge.reason() != null) {
            json.writeStringProperty("reason", merge.reason());
        }
        if (merge.reversedAt() != null) {
            json.writeStringProperty("reversedAt", merge.reversedAt().toString());
        }
        json.writeEndObject();
    }
}
