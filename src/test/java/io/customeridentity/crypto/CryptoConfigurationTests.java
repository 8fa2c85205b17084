package io.customeridentity.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class CryptoConfigurationTests {

    private static final String PROPERTY = "customer-identity.crypto.master-key=";

    private final ApplicationContextRunner runner =
            new ApplicationContextRunner().withUserConfiguration(CryptoConfiguration.class);

    @Test
    void buildsEncryptionOnTheConfiguredMasterKey() {
        runner.withPropertyValues(PROPERTY + TestKeys.MASTER_KEY_BASE64).run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(MasterKey.class).hasSingleBean(EnvelopeEncryption.class);
            EnvelopeEncryption configured = context.getBean(EnvelopeEncryption.class);
            DataKey key = configured.generateDataKey();
            byte[] wrapped = configured.wrap(key, "AC1");

            assertThat(new EnvelopeEncryption(TestKeys.masterKey()).unwrap(key.id(), "kek-v1", wrapped, "AC1"))
                    .isEqualTo(key);
        });
    }

    @Test
    void refusesToStartWithoutAMasterKey() {
        runner.run(context -> assertThat(context)
                .getFailure()
                .hasRootCauseInstanceOf(IllegalArgumentException.class)
                .hasStackTraceContaining("IllegalStateException")
                .hasStackTraceContaining("CUSTOMER_IDENTITY_CRYPTO_MASTER_KEY"));
    }

    @Test
    void refusesToStartWithAnInvalidMasterKeyWithoutPrintingIt() {
        String tooShort = Base64.getEncoder().encodeToString("sixteen byte key".getBytes(StandardCharsets.UTF_8));

        runner.withPropertyValues(PROPERTY + tooShort).run(context -> {
            Throwable failure = context.getStartupFailure();
            assertThat(failure)
                    .isNotNull()
                    .hasStackTraceContaining("CUSTOMER_IDENTITY_CRYPTO_MASTER_KEY")
                    .hasStackTraceContaining("16 bytes");
            assertThat(stackTrace(failure)).doesNotContain(tooShort).doesNotContain("sixteen byte key");
        });
    }

    @Test
    void wrapsTheCauseInAnIllegalStateException() {
        Throwable failure = catchThrowable(() -> new CryptoConfiguration().masterKey(" "));

        assertThat(failure)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("CUSTOMER_IDENTITY_CRYPTO_MASTER_KEY")
                .hasCauseInstanceOf(IllegalArgumentException.class);
    }

    private static String stackTrace(Throwable failure) {
        StringWriter text = new StringWriter();
        failure.printStackTrace(new PrintWriter(text));
        return text.toString();
    }
}
