package io.customeridentity.shared.web;

import java.util.List;

/** A response body that carries personal data: it names the personal fields it shows, for the audit trail. */
public interface DisclosesPersonalData {

    /**
     * The personal fields this answer shows: {@code name}, {@code email}, {@code phone}, {@code address},
     * {@code attributes}, {@code birthDate}, or {@code email:masked}, {@code phone:masked} and
     * {@code address:partial} when masked; empty when it shows none.
     */
    List<String> disclosed();
}
