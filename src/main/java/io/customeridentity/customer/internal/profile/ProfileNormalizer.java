package io.customeridentity.customer.internal.profile;

import io.customeridentity.customer.CustomerProfile;
import io.customeridentity.customer.CustomerProfile.Address;
import io.customeridentity.customer.CustomerProfile.ContactChannel;
import io.customeridentity.customer.CustomerProfile.Preferences;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.IllformedLocaleException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Validates and normalises a complete profile, on registration and on every change alike, reporting every invalid
 * field at once.
 */
@Component
public class ProfileNormalizer {

    private static final int MAX_ATTRIBUTES = 50;
    private static final int MAX_ATTRIBUTE_VALUE = 1000;
    private static final Pattern ATTRIBUTE_KEY = Pattern.compile("[a-z0-9_.-]{1,64}");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    private static final LocalDate EARLIEST_BIRTH_DATE = LocalDate.of(1900, 1, 1);

    private final ContactNormalizer contacts;
    private final Clock clock;

    ProfileNormalizer(ContactNormalizer contacts, Clock clock) {
        this.contacts = contacts;
        this.clock = clock;
    }

    /**
     * @param previous the profile being changed, or null on registration (decides when consent last changed)
     */
    public CustomerProfile normalize(CustomerProfile input, CustomerProfile previous) {
        Violations violations = new Violations();
        CustomerProfile profile = new CustomerProfile(
                violations.text("givenName", input.givenName(), 100),
                violations.text("familyName", input.familyName(), 100),
                birthDate(input.birthDate(), violations),
                contacts.email(input.email(), violations),
                contacts.phone(input.phone(), violations),
                address(input.address(), violations),
                preferences(input.preferences(), previous == null ? null : previous.preferences(), violations),
                attributes(input.attributes(), violations));
        if (profile.givenName() == null
                && profile.familyName() == null
                && blank(input.email())
                && blank(input.phone())) {
            violations.add(null, "At least one of givenName, familyName, email or phone is required.");
        }
        violations.throwIfAny();
        return profile;
    }

    /** Not before 1900 and not in the future anywhere: a day past the UTC date allows for the zones ahead of UTC. */
    private LocalDate birthDate(LocalDate birthDate, Violations violations) {
        if (birthDate == null) {
            return null;
        }
        if (birthDate.isBefore(EARLIEST_BIRTH_DATE)) {
            violations.add("birthDate", "Must not be before 1900-01-01.");
        } else if (birthDate.isAfter(
                LocalDate.now(clock.withZone(ZoneOffset.UTC)).plusDays(1))) {
            violations.add("birthDate", "Must not be in the future.");
        }
        return birthDate;
    }

    private static Address address(Address input, Violations violations) {
        if (input == null) {
            return null;
        }
        Address address = new Address(
                violations.text("address.line1", input.line1(), 200),
                violations.text("address.line2", input.line2(), 200),
                violations.text("address.city", input.city(), 100),
                violations.text("address.region", input.region(), 100),
                violations.text("address.postalCode", input.postalCode(), 20),
                country(violations.text("address.country", input.country(), 2), violations));
        if (address.equals(new Address(null, null, null, null, null, null))) {
            return null;
        }
        if (address.line1() == null) {
            violations.add("address.line1", "Required in an address.");
        }
        if (blank(input.country())) {
            violations.add("address.country", "Required in an address.");
        }
        return address;
    }

    private static String country(String country, Violations violations) {
        if (country == null) {
            return null;
        }
        String upper = country.toUpperCase(Locale.ROOT);
        if (!COUNTRIES.contains(upper)) {
            violations.add("address.country", "Must be an ISO 3166-1 alpha-2 country code, such as GB.");
        }
        return upper;
    }

    private Preferences preferences(Preferences input, Preferences previous, Violations violations) {
        if (input == null) {
            return null;
        }
        String language = language(violations.text("preferences.language", input.language(), 35), violations);
        List<ContactChannel> channels = input.contactChannels().stream()
                .filter(Objects::nonNull)
                .distinct()
                .toList();
        Instant consentUpdatedAt = input.consentUpdatedAt();
        if (consentUpdatedAt != null && consentUpdatedAt.isAfter(clock.instant().plus(CLOCK_SKEW))) {
            violations.add("preferences.consentUpdatedAt", "Must not be in the future.");
        }
        Boolean previousConsent = previous == null ? null : previous.marketingConsent();
        Instant previousConsentUpdate = previous == null ? null : previous.consentUpdatedAt();
        boolean consentChanged = !Objects.equals(input.marketingConsent(), previousConsent);
        if (consentChanged && Objects.equals(consentUpdatedAt, previousConsentUpdate)) {
            consentUpdatedAt =
                    input.marketingConsent() == null ? null : clock.instant().truncatedTo(ChronoUnit.MICROS);
        }
        Preferences preferences = new Preferences(language, channels, input.marketingConsent(), consentUpdatedAt);
        return preferences.equals(new Preferences(null, List.of(), null, null)) ? null : preferences;
    }

    private static String language(String tag, Violations violations) {
        if (tag == null) {
            return null;
        }
        try {
            Locale locale = new Locale.Builder().setLanguageTag(tag).build();
            if (!locale.getLanguage().isEmpty()) {
                return locale.toLanguageTag();
            }
        } catch (IllformedLocaleException ex) {
            // reported below
        }
        violations.add("preferences.language", "Must be a BCP 47 language tag, such as en-GB.");
        return null;
    }

    private static Map<String, String> attributes(Map<String, String> input, Violations violations) {
        if (input.size() > MAX_ATTRIBUTES) {
            violations.add("attributes", "At most " + MAX_ATTRIBUTES + " entries.");
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        input.forEach((key, value) -> {
            if (!ATTRIBUTE_KEY.matcher(key).matches()) {
                violations.add("attributes", "Keys must match [a-z0-9_.-]{1,64}.");
            } else if (value == null) {
                violations.add("attributes." + key, "Must not be null.");
            } else if (value.length() > MAX_ATTRIBUTE_VALUE) {
                violations.add("attributes." + key, "Must be at most " + MAX_ATTRIBUTE_VALUE + " characters.");
            } else {
                attributes.put(key, value);
            }
        });
        return attributes;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
