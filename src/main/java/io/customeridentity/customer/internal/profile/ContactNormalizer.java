package io.customeridentity.customer.internal.profile;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Locale;
import org.apache.commons.validator.routines.EmailValidator;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Normalises e-mail addresses (lower-cased, syntax-checked) and phone numbers (E.164) the same way on every write
 * and every look-up. Error messages never repeat the rejected value.
 */
@Component
public class ContactNormalizer {

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    private static final EmailValidator EMAILS = EmailValidator.getInstance(false);

    private final String defaultRegion;

    ContactNormalizer(@Value("${customer-identity.phone.default-region:}") String defaultRegion) {
        this.defaultRegion =
                defaultRegion.isBlank() ? "ZZ" : defaultRegion.strip().toUpperCase(Locale.ROOT);
    }

    public String email(String email, Violations violations) {
        String trimmed = violations.text("email", email, 254);
        if (trimmed == null) {
            return null;
        }
        String normalized = trimmed.toLowerCase(Locale.ROOT);
        if (!EMAILS.isValid(normalized)) {
            violations.add("email", "Must be a valid e-mail address.");
        }
        return normalized;
    }

    public String phone(String phone, Violations violations) {
        String trimmed = violations.text("phone", phone, 32);
        if (trimmed == null) {
            return null;
        }
        try {
            PhoneNumber number = PHONES.parse(trimmed, defaultRegion);
            if (PHONES.isValidNumber(number)) {
                return PHONES.format(number, PhoneNumberFormat.E164);
            }
        } catch (NumberParseException ex) {
            // reported below, without the number
        }
        violations.add("phone", "Must be a valid phone number in international form, for example +44 20 7946 0958.");
        return null;
    }
}
