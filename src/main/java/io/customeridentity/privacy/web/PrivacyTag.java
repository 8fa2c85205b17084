package io.customeridentity.privacy.web;

/** The one OpenAPI tag of the privacy operations, the same on each controller (a tag is declared once). */
final class PrivacyTag {

    static final String NAME = "Privacy";
    static final String DESCRIPTION =
            "Erase a person (crypto-shredding: the ID stays as a tombstone) and export everything held about them.";

    private PrivacyTag() {}
}
