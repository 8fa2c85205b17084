package io.customeridentity.customer.internal.matching;

import io.customeridentity.customer.CustomerProfile;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What duplicate detection compares of a profile, normalised: folded names and address parts, the street number
 * apart from the street, the postal code compacted. Plain values, never stored (the match keys are HMACs of them).
 */
record MatchFeatures(
        String givenName,
        String familyName,
        LocalDate birthDate,
        String streetNumber,
        String street,
        String line2,
        String city,
        String region,
        String postalCode,
        String email,
        String phone) {

    /** A leading house number ("12", "12a", "12-14", folded to "12 14") and the rest of the line. */
    private static final Pattern NUMBERED = Pattern.compile("^(\\d+[a-z]?(?: \\d+[a-z]?)?)\\b ?(.*)$");

    static MatchFeatures of(CustomerProfile profile) {
        CustomerProfile.Address address = profile.address();
        String line1 = address == null ? null : MatchText.fold(address.line1());
        String number = null;
        String street = line1;
        if (line1 != null) {
            Matcher numbered = NUMBERED.matcher(line1);
            if (numbered.matches()) {
                number = numbered.group(1).replace(' ', '-');
                street = numbered.group(2).isEmpty() ? null : numbered.group(2);
            }
        }
        return new MatchFeatures(
                MatchText.fold(profile.givenName()),
                MatchText.fold(profile.familyName()),
                profile.birthDate(),
                number,
                street,
                address == null ? null : MatchText.fold(address.line2()),
                address == null ? null : MatchText.fold(address.city()),
                address == null ? null : MatchText.fold(address.region()),
                address == null ? null : MatchText.compact(address.postalCode()),
                profile.email(),
                profile.phone());
    }

    /** Personal data stays out of logs. */
    @Override
    public String toString() {
        return "MatchFeatures[****]";
    }
}
