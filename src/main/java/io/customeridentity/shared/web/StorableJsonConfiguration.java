package io.customeridentity.shared.web;

import io.customeridentity.shared.StorableInput;
import java.time.Instant;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.deser.std.StdDeserializer;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.ext.javatime.deser.InstantDeserializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * One mechanism for what the database cannot store, at the edge, for every field of every body and every query
 * parameter ({@link StorableInput}): a JSON string with NUL or an unpaired surrogate, or an instant outside 1900 to
 * 9999, is a 400 naming the field; and no JSON number or boolean is taken for a string ({@code "givenName": 42} is a
 * 400 too, not the text "42"), no number for an enum value (not {@code "type": 3} for the fourth type), no fraction
 * for an integer ({@code "rating": 4.5} is not 4) and no number for an instant (not epoch seconds).
 */
@Configuration(proxyBeanMethods = false)
class StorableJsonConfiguration implements WebMvcConfigurer {

    @Bean
    JsonMapperBuilderCustomizer storableInput() {
        SimpleModule storable = new SimpleModule("storable-input")
                .addDeserializer(String.class, new StorableStringDeserializer())
                .addDeserializer(Instant.class, new StorableInstantDeserializer());
        return builder -> builder.addModule(storable)
                .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .withCoercionConfig(
                        LogicalType.Textual,
                        textual -> textual.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
    }

    /** Query parameters and path variables of type {@link Instant}: RFC 3339, within the storable range. */
    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addConverter(String.class, Instant.class, (Converter<String, Instant>) text -> {
            Instant instant = Instant.parse(text.strip());
            if (!StorableInput.isStorable(instant)) {
                throw new IllegalArgumentException(StorableInput.INSTANT_RULE);
            }
            return instant;
        });
    }

    /** A value the database cannot store; its message is the rule, never the value. */
    static final class UnstorableValue extends MismatchedInputException {

        private static final long serialVersionUID = 1L;

        UnstorableValue(JsonParser parser, String rule, Class<?> type) {
            super(parser, rule, type);
        }
    }

    private static final class StorableStringDeserializer extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            String text = super.deserialize(parser, context);
            if (text != null && !StorableInput.isStorable(text)) {
                throw new UnstorableValue(parser, StorableInput.TEXT_RULE, String.class);
            }
            return text;
        }
    }

    private static final class StorableInstantDeserializer extends StdDeserializer<Instant> {

        StorableInstantDeserializer() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser parser, DeserializationContext context) {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                // A number would be read as epoch seconds: an instant is RFC 3339 text here, as documented.
                throw new UnstorableValue(parser, StorableInput.INSTANT_RULE, Instant.class);
            }
            Instant instant = InstantDeserializer.INSTANT.deserialize(parser, context);
            if (instant != null && !StorableInput.isStorable(instant)) {
                throw new UnstorableValue(parser, StorableInput.INSTANT_RULE, Instant.class);
            }
            return instant;
        }
    }
}
