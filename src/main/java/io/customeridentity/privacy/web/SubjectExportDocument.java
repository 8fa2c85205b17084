package io.customeridentity.privacy.web;

import io.customeridentity.account.AccountLink;
import io.customeridentity.account.AccountType;
import io.customeridentity.customer.CustomerProfile;
import io.customeridentity.customer.CustomerStatus;
import io.customeridentity.interaction.InteractionChannel;
import io.customeridentity.interaction.InteractionType;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The export document's shape, for the OpenAPI description only: the document itself is written member by member
 * while it is read (privacy/internal/export/ExportWriter), and the contract test holds the two together.
 */
@Schema(
        name = "SubjectExportDocument",
        description = "Everything held about a person (format customer-identity/subject-export/v1). For an ERASED"
                + " customer only the identity members and erasedAt.")
record SubjectExportDocument(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "customer-identity/subject-export/v1")
        String format,

        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Instant exportedAt,

        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "AC12345678900")
        String customerId,

        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "AC-1234-5678-900")
        String displayId,

        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) CustomerStatus status,

        @Schema(description = "ERASED only: when the person was erased.")
        Instant erasedAt,

        @Schema(description = "The surviving customer and every customer merged into it: one person.")
        List<String> mergeGroup,

        @Schema(description = "Every version of every customer of the group, newest first per customer.")
        List<ExportVersion> profileVersions,

        @Schema(
                description = "The preferences (marketing consent, contact channels) at version 1 and at every"
                        + " version that changed them.")
        List<ExportConsent> consentHistory,

        @Schema(description = "The group's whole timeline, newest first, with the decrypted free text.")
        List<ExportInteraction> interactions,

        @Schema(description = "Linked and unlinked account numbers, masked.")
        List<ExportAccountLink> accountLinks,

        @Schema(description = "Other systems' IDs for the person, current and ended.")
        List<ExportExternalRef> externalRefs,

        @Schema(description = "Merges any customer of the group took part in.")
        List<ExportMerge> merges,

        @Schema(
                description = "Who accessed and changed the person's data (GDPR Art. 15(1)(c), the recipients): every"
                        + " audit entry of the group, newest first.")
        List<ExportAccess> accessAudit) {

    @Schema(name = "SubjectExportVersion")
    record ExportVersion(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            String customerId,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            int version,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            Instant recordedAt,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Who made the change.")
            String recordedBy,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            List<String> changedFields,

            @Schema(description = "Why, when the change gave a reason.")
            String reason,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            CustomerProfile profile) {}

    @Schema(name = "SubjectExportConsent")
    record ExportConsent(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            String customerId,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            int version,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            Instant recordedAt,

            Boolean marketingConsent,
            Instant consentUpdatedAt,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            List<CustomerProfile.ContactChannel> contactChannels) {}

    @Schema(name = "SubjectExportInteraction")
    record ExportInteraction(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            UUID id,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            String customerId,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            InteractionType type,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            InteractionChannel channel,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            Instant occurredAt,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            Instant recordedAt,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            String source,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            String externalId,

            ExportAmount amount,
            Integer rating,
            String subject,
            String note,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            Map<String, String> attributes) {}

    @Schema(name = "SubjectExportAmount")
    record ExportAmount(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "12.50")
            String value,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "EUR")
            String currency) {}

    @Schema(name = "SubjectExportAccountLink")
    record ExportAccountLink(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            UUID linkId,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            String customerId,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            AccountType type,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            String masked,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            String last4,

            String label,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            Instant linkedAt,

            Instant unlinkedAt,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            AccountLink.Status status) {}

    @Schema(name = "SubjectExportExternalRef")
    record ExportExternalRef(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            UUID refId,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            String customerId,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            String system,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            String externalId,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            Instant linkedAt,

            Instant endedAt) {}

    @Schema(name = "SubjectExportMerge")
    record ExportMerge(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            UUID mergeId,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            String survivorId,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            String mergedCustomerId,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            Instant at,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            String by,

            String reason,
            Instant reversedAt) {}

    @Schema(name = "SubjectExportAccess")
    record ExportAccess(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            UUID id,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            Instant at,

            @Schema(description = "The caller: a token subject; absent for work outside a request.")
            String actor,

            @Schema(description = "The caller's client (a token's azp or client_id), when it named one.")
            String client,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "customer.read")
            String action,

            @Schema(description = "The customer of the group it concerned.")
            String customerId,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "The HTTP status answered.")
            int outcome,

            @Schema(
                    requiredMode = Schema.RequiredMode.REQUIRED,
                    description = "The names of the personal fields the answer showed.")
            List<String> disclosed) {}
}
