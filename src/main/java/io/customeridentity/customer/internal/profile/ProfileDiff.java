package io.customeridentity.customer.internal.profile;

import io.customeridentity.customer.CustomerProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/** Which top-level profile fields differ between two versions. */
public final class ProfileDiff {

    private static final List<Function<CustomerProfile, Object>> FIELDS = List.of(
            CustomerProfile::givenName,
            CustomerProfile::familyName,
            CustomerProfile::birthDate,
            CustomerProfile::email,
            CustomerProfile::phone,
            CustomerProfile::address,
            CustomerProfile::preferences,
            CustomerProfile::attributes);

    private ProfileDiff() {}

    /** In {@link CustomerProfile#FIELDS} order; against null, every field that has a value. */
    public static List<String> changedFields(CustomerProfile before, CustomerProfile after) {
        List<String> changed = new ArrayList<>();
        for (int i = 0; i < FIELDS.size(); i++) {
            Object now = FIELDS.get(i).apply(after);
            Object then = before == null ? null : FIELDS.get(i).apply(before);
            boolean empty = now == null || (now instanceof java.util.Map<?, ?> map && map.isEmpty());
            if (before == null ? !empty : !Objects.equals(then, now)) {
                changed.add(CustomerProfile.FIELDS.get(i));
            }
        }
        return changed;
    }
}
