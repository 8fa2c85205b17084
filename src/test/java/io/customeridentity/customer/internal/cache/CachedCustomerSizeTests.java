package io.customeridentity.customer.internal.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.customeridentity.customer.CustomerDetails;
import io.customeridentity.customer.CustomerProfile;
import io.customeridentity.customer.CustomerProfile.Address;
import io.customeridentity.customer.CustomerProfile.ContactChannel;
import io.customeridentity.customer.CustomerProfile.Preferences;
import io.customeridentity.customer.CustomerStatus;
import io.customeridentity.identifier.CustomerId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openjdk.jol.info.GraphLayout;

/** The estimate that bounds the customer cache by memory, against what JOL measures on this JVM. */
class CachedCustomerSizeTests {

    /** The cache's and the map's nodes: in the estimate, not in the measured graph. */
    private static final int NODES = 48 + 32;

    static {
        // Records' field offsets are not available the usual way on JDK 17; JOL then works them out itself.
        System.setProperty("jol.magicFieldOffset", "true");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("customers")
    void estimatesTheHeapAnEntryKeepsAliveWithinATenthAbove(String name, CustomerDetails details) {
        String key = details.id().value();
        long measured = NODES + GraphLayout.parseInstance(key, details).totalSize() - sharedConstants(details);

        long estimated = CachedCustomerSize.of(key, details);

        assertThat(estimated).isBetween(measured, measured + measured / 10);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("customers")
    void weighsEachAddedCharacterAtOneOrTwoBytes(String name, CustomerDetails details) {
        CustomerProfile longer = new CustomerProfile(
                details.profile().givenName() + "x".repeat(100),
                details.profile().familyName(),
                details.profile().email(),
                details.profile().phone(),
                details.profile().address(),
                details.profile().preferences(),
                details.profile().attributes());
        CustomerDetails withLongerName = new CustomerDetails(
                details.id(),
                details.status(),
                details.version(),
                details.createdAt(),
                details.updatedAt(),
                longer,
                details.mergedInto());

        assertThat(CachedCustomerSize.of("k", withLongerName) - CachedCustomerSize.of("k", details))
                .isBetween(96, 208);
    }

    static Stream<Arguments> customers() {
        Instant created = Instant.parse("2026-11-24T08:00:00Z");
        CustomerId id = CustomerId.of("CU", "0000012345");
        CustomerProfile minimal = new CustomerProfile("Ada", "Lovelace", null, null, null, null, null);
        CustomerProfile contact =
                new CustomerProfile("Ada", "Lovelace", "ada.lovelace@example.com", "+442079460123", null, null, null);
        CustomerProfile full = new CustomerProfile(
                "Zoë",
                "Łukasiewicz-Brontë",
                "zoe@example.com",
                "+48221234567",
                new Address("ul. Długa 5", "m. 12", "Gdańsk", "pomorskie", "80-831", "PL"),
                new Preferences("pl", List.of(ContactChannel.EMAIL, ContactChannel.SMS), true, created),
                Map.of("segment", "retail", "loyaltyTier", "gold", "legacyId", "A-99812"));
        CustomerProfile greek = new CustomerProfile("Αλέξανδρος", "Παπαδόπουλος", null, null, null, null, null);
        return Stream.of(
                Arguments.of("names only", details(id, created, minimal)),
                Arguments.of("names, e-mail and phone", details(id, created, contact)),
                Arguments.of("full profile with non-Latin-1 text", details(id, created, full)),
                Arguments.of("Greek names", details(id, created, greek)));
    }

    private static CustomerDetails details(CustomerId id, Instant created, CustomerProfile profile) {
        return new CustomerDetails(id, CustomerStatus.ACTIVE, 3, created, created.plusSeconds(60), profile, null);
    }

    /**
     * What JOL reaches but every entry shares: the status and channel constants (and their names), the empty map and
     * list constants. The estimate leaves them out.
     */
    private static long sharedConstants(CustomerDetails details) {
        long shared = GraphLayout.parseInstance(details.status()).totalSize();
        CustomerProfile profile = details.profile();
        if (profile.preferences() != null) {
            for (ContactChannel channel : profile.preferences().contactChannels()) {
                shared += GraphLayout.parseInstance(channel).totalSize();
            }
        }
        if (profile.attributes().isEmpty()) {
            shared += GraphLayout.parseInstance(profile.attributes()).totalSize();
        }
        return shared;
    }
}
