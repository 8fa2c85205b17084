package io.customeridentity.support;

import io.customeridentity.customer.CustomerProfile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The FEBRL record-linkage datasets ({@code src/test/resources/febrl}, see its README) as registrations: given_name,
 * surname, street_number + address_1 (line 1), address_2 (line 2), suburb (city), postcode, state (region), country
 * AU, date_of_birth (yyyymmdd; left out when it is no valid date from 1900 to today); soc_sec_id is left out.
 */
public final class Febrl {

    /** One record: its id, the person it is ({@code rec-N-...}: N), and the registration it maps to. */
    public record Record(String recId, int person, CustomerProfile profile) {

        /** The registration body, as the API takes it. */
        public Map<String, Object> body() {
            Map<String, Object> body = new LinkedHashMap<>();
            put(body, "givenName", profile.givenName());
            put(body, "familyName", profile.familyName());
            put(
                    body,
                    "birthDate",
                    profile.birthDate() == null ? null : profile.birthDate().toString());
            if (profile.address() != null) {
                Map<String, Object> address = new LinkedHashMap<>();
                put(address, "line1", profile.address().line1());
                put(address, "line2", profile.address().line2());
                put(address, "city", profile.address().city());
                put(address, "region", profile.address().region());
                put(address, "postalCode", profile.address().postalCode());
                put(address, "country", profile.address().country());
                body.put("address", address);
            }
            return body;
        }

        private static void put(Map<String, Object> body, String field, String value) {
            if (value != null) {
                body.put(field, value);
            }
        }
    }

    private Febrl() {}

    /** Dataset 1 or 2, in file order. */
    public static List<Record> dataset(int number) {
        try (InputStream in = Febrl.class.getResourceAsStream("/febrl/dataset" + number + ".csv")) {
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .toList();
            List<Record> records = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                if (!line.isBlank()) {
                    records.add(parse(line));
                }
            }
            return records;
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    static Record parse(String line) {
        String[] f = line.split(",", -1);
        for (int i = 0; i < f.length; i++) {
            f[i] = f[i].strip();
        }
        String recId = f[0];
        int person = Integer.parseInt(recId.split("-")[1]);
        String line1 = (f[3] + " " + f[4]).strip();
        CustomerProfile.Address address = line1.isEmpty()
                ? null
                : new CustomerProfile.Address(line1, blank(f[5]), blank(f[6]), blank(f[8]), blank(f[7]), "AU");
        CustomerProfile profile =
                new CustomerProfile(blank(f[1]), blank(f[2]), birthDate(f[9]), null, null, address, null, Map.of());
        return new Record(recId, person, profile);
    }

    private static LocalDate birthDate(String yyyymmdd) {
        if (!yyyymmdd.matches("\\d{8}")) {
            return null;
        }
        try {
            LocalDate date = LocalDate.of(
                    Integer.parseInt(yyyymmdd.substring(0, 4)),
                    Integer.parseInt(yyyymmdd.substring(4, 6)),
                    Integer.parseInt(yyyymmdd.substring(6, 8)));
            return date.getYear() < 1900 || date.isAfter(LocalDate.now()) ? null : date;
        } catch (DateTimeException ex) {
            return null;
        }
    }

    private static String blank(String value) {
        return value.isEmpty() ? null : value;
    }
}
