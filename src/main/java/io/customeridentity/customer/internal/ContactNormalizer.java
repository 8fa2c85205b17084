package io.customeridentity.customer.internal;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import io.customeridentity.customer.NewCustomer;
import io.customeridentity.shared.FieldViolation;
import io.customeridentity.shared.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.validator.routines.EmailValidator;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Normalises profile input the same way on every write (and, later, on every look-up): trimmed names, lower-cased
 * and syntax-checked e-mail, phone numbers in E.164. Error messages never repeat the rejected value.
 */
@Component
class ContactNormalizer {

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    private static final EmailValidator EMAILS = EmailValidator.getInstance(false);

    private final String defaultRegion;

    ContactNormalizer(@Value("${customer-identity.phone.default-region:}") String defaultRegion) {
        this.defaultRegion =
                defaultRegion.isBlank() ? "ZZ" : defaultRegion.trim().toUpperCase(Locale.ROOT);
    }

    Profile normalize(NewCustomer input) {
        List<FieldViolation> violations = new ArrayList<>();
        String givenName = trimToNull(input.givenName());
        String familyName = trimToNull(input.familyName());
        String rawEmail = trimToNull(input.email());
        String rawPhone = trimToNull(input.phone());
        String email = email(rawEmail, violations);
        String phone = phone(rawPhone, violations);
        if (givenName == null && familyName == null && rawEmail == null && rawPhone == null) {
            violations.add(
                    new FieldViolation(null, "At least one of givenName, familyName, email or phone is required."));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return new Profile(givenName, familyName, email, phone);
    }

    private static String email(String email, List<FieldViolation> violations) {
        if (email == null) {
            return null;
        }
        String normalized = email.toLowerCase(Locale.ROOT);
        if (!EMAILS.isValid(normalized)) {
            violations.add(new FieldViolation("email", "Must be a valid e-mail address."));
        }
        return normalized;
    }

    private String phone(String phone, List<FieldViolation> violations) {
        if (phone == null) {
            return null;
        }
        try {
            PhoneNumber number = PHONES.parse(phone, defaultRegion);
            if (PHONES.isValidNumber(number)) {
                return PHONES.format(number, PhoneNumberFormat.E164);
            }
        } catch (NumberParseException ex) {
            // reported below, without the number
        }
        violations.add(new FieldViolation(
                "phone", "Must be a valid phone number in international form, for example +44 20 7946 0958."));
        return null;
    }

    private static String trimToNull(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }
}
