package io.customeridentity.shared.security;

import java.util.function.Predicate;

/**
 * The strict firewall's rules for header names and values and parameter names and values, without its regular
 * expressions: {@code StrictHttpFirewall} matches every header it is asked for against
 * {@code [\p{IsAssigned}&&[^\p{IsControl}]]*} (values: also a tab; parameter names alike), which a profile of the customer GET found among
 * the costliest steps of a request. The same rule as a loop over the code points: every code point assigned in the
 * JDK's Unicode tables and none a control character ({@link Character#CONTROL}); {@code FirewallTextTests} holds it
 * to the regular expression.
 */
final class FirewallText {

    /** Header names and parameter names (the firewall checks no parameter values by default). */
    static final Predicate<String> ASSIGNED_AND_NOT_CONTROL = text -> allowed(text, false);

    /** Header values: the same, and tabs. */
    static final Predicate<String> HEADER_VALUE = text -> allowed(text, true);

    private FirewallText() {}

    private static boolean allowed(String text, boolean tab) {
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            if (codePoint < 0x7F) {
                if (codePoint < 0x20 && !(tab && codePoint == '\t')) {
                    return false;
                }
                i++;
                continue;
            }
            int type = Character.getType(codePoint);
            if (type == Character.UNASSIGNED || type == Character.CONTROL) {
                return false;
            }
            i += Character.charCount(codePoint);
        }
        return true;
    }
}
