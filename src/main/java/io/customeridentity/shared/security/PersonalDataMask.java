package io.customeridentity.shared.security;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * The masking rules for callers without the scope {@code customers:pii}: who is masked, and how an e-mail address and
 * a phone number are shown to them. Plain string work, so it is cheap enough for the hot read path.
 */
public final class PersonalDataMask {

    static final String PII_AUTHORITY = "SCOPE_" + OperationScopes.CUSTOMERS_PII;

    private static final Set<Integer> CALLING_CODES =
            Set.copyOf(PhoneNumberUtil.getInstance().getSupportedCallingCodes());
    private static final int PHONE_DIGITS_SHOWN = 3;

    private PersonalDataMask() {}

    /** Whether answers to this caller are masked: unless its token holds {@code customers:pii}. */
    public static boolean appliesTo(Authentication caller) {
        if (caller == null) {
            return true;
        }
        for (GrantedAuthority authority : caller.getAuthorities()) {
            if (PII_AUTHORITY.equals(authority.getAuthority())) {
                return false;
            }
        }
        return true;
    }

    /**
     * The first character of the local part, {@code ***} and the domain: {@code a***@example.org}. Always three stars,
     * so the mask does not tell the local part's length.
     */
    public static String email(String email) {
        if (email == null) {
            return null;
        }
        int at = email.lastIndexOf('@');
        if (at <= 0) {
            return "***"; // not an address as stored (they are syntax-checked): show nothing of it
        }
        int first = Character.charCount(email.codePointAt(0));
        return email.substring(0, Math.min(first, at)) + "***" + email.substring(at);
    }

    /**
     * An E.164 number with its country code and last three digits, every other digit a star: {@code +44*******789}.
     * The country code's length comes from libphonenumber's calling codes; a number without a known one is all
     * stars after the {@code +}.
     * At most as many digits are shown as are starred, so a very short number keeps fewer than three.
     */
    public static String phone(String e164) {
        if (e164 == null) {
            return null;
        }
        String digits = e164.startsWith("+") ? e164.substring(1) : e164;
        if (digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return "+***"; // not E.164 as stored: show nothing of it
        }
        int countryCode = countryCodeLength(digits);
        if (countryCode == 0 || countryCode >= digits.length()) {
            return "+" + "*".repeat(digits.length());
        }
        int national = digits.length() - countryCode;
        int shown = Math.min(PHONE_DIGITS_SHOWN, national / 2);
        return "+" + digits.substring(0, countryCode) + "*".repeat(national - shown)
                + digits.substring(digits.length() - shown);
    }

    /** E.164 country codes are prefix-free: the first 1 to 3 leading digits libphonenumber knows as one are it. */
    private static int countryCodeLength(String digits) {
        if (digits.charAt(0) == '0') {
            return 0; // no country code starts with 0 (and parseInt would read "01" as 1)
        }
        for (int length = 1; length <= 3 && length < digits.length(); length++) {
            if (CALLING_CODES.contains(Integer.parseInt(digits, 0, length, 10))) {
                return length;
            }
        }
        return 0;
    }
}
