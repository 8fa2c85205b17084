package io.customeridentity.customer.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PreferHeaderTests {

    @Test
    void findsDuplicatesRejectAmongThePreferences() {
        assertThat(PreferHeader.rejectsDuplicates("duplicates=reject")).isTrue();
        assertThat(PreferHeader.rejectsDuplicates("respond-async, Duplicates = Reject"))
                .isTrue();
        assertThat(PreferHeader.rejectsDuplicates("duplicates=\"reject\"; strict"))
                .isTrue();
    }

    @Test
    void ignoresEveryOtherPreference() {
        assertThat(PreferHeader.rejectsDuplicates(null)).isFalse();
        assertThat(PreferHeader.rejectsDuplicates("")).isFalse();
        assertThat(PreferHeader.rejectsDuplicates("return=minimal")).isFalse();
        assertThat(PreferHeader.rejectsDuplicates("duplicates=allow")).isFalse();
        assertThat(PreferHeader.rejectsDuplicates("handling=strict; duplicates=reject"))
                .isFalse();
    }
}
