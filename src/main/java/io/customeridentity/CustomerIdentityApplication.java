package io.customeridentity;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Entry point of the customer-identity service. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CustomerIdentityApplication {

    public static void main(String[] args) {
        SpringApplication.run(CustomerIdentityApplication.class, args);
    }
}
