package io.customeridentity.customer.web;

import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.customeridentity.customer.CustomerManagement;
import io.customeridentity.identifier.BodyPermutation;
import io.customeridentity.identifier.CustomerId;
import io.customeridentity.identifier.CustomerIdScheme;
import io.customeridentity.privacy.AuditTrail;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** Mistyped IDs are answered by the web layer alone: the customer service, hence the database, is never reached. */
@WebMvcTest({CustomerController.class, CustomerIdController.class})
@Import({CustomerControllerTests.Scheme.class, ProfilePatcher.class})
class CustomerControllerTests {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    CustomerManagement customers;

    /** The read audit's advice is part of the web layer; these requests never reach a read that it records. */
    @MockitoBean
    AuditTrail audit;

    @Test
    void rejectsWrongCheckDigitWithoutCallingTheService() throws Exception {
        mvc.perform(get("/api/v1/customers/AC-1234-5678-901").with(reader()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("check-digit-mismatch"));

        verifyNoInteractions(customers);
    }

    @Test
    void rejectsMalformedAndUnknownPrefixIdsWithoutCallingTheService() throws Exception {
        mvc.perform(get("/api/v1/customers/AC-12").with(reader()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("invalid-customer-id"));
        mvc.perform(get(
                                "/api/v1/customers/{id}",
                                CustomerId.of("ZZ", "1234567890").value())
                        .with(reader()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("unknown-prefix"));

        verifyNoInteractions(customers);
    }

    @Test
    void validatesCandidateIdsWithoutCallingTheService() throws Exception {
        mvc.perform(get("/api/v1/customer-ids/bk 9876 5432 101").with(reader()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.valid").value(false))
                .andExpect(jsonPath("$.error.code").value("unknown-prefix"));

        verifyNoInteractions(customers);
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor reader() {
        return jwt().authorities(new SimpleGrantedAuthority("SCOPE_customers:read"));
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Scheme {
        @Bean
        CustomerIdScheme customerIdScheme() {
            return new CustomerIdScheme(List.of("AC"), "AC", new BodyPermutation(new byte[32]));
        }
    }
}
