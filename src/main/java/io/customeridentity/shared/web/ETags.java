package io.customeridentity.shared.web;

import io.customeridentity.shared.InvalidInputException;
import io.customeridentity.shared.PreconditionRequired;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Version numbers as strong entity tags: version 3 is {@code "3"}. */
public final class ETags {

    private static final Pattern VERSION_TAG = Pattern.compile("\\s*\"?([1-9][0-9]{0,8})\"?\\s*");

    private ETags() {}

    public static String of(int version) {
        return "\"" + version + "\"";
    }

    /**
     * The version an {@code If-Match} header names; {@link PreconditionRequired} when it is absent, a 400 when it is
     * not a single version tag (weak tags and {@code *} cannot protect a change).
     */
    public static int versionFromIfMatch(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw PreconditionRequired.ifMatch();
        }
        Matcher matcher = VERSION_TAG.matcher(ifMatch);
        if (!matcher.matches()) {
            throw InvalidInputException.of("If-Match", "Must be one version tag, such as \"3\".");
        }
        return Integer.parseInt(matcher.group(1));
    }
}
