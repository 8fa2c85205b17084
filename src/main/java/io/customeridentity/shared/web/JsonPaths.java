package io.customeridentity.shared.web;

import tools.jackson.core.JacksonException;

/** Where in a JSON document a parse failed, as a field path such as {@code preferences.contactChannels[0]}. */
public final class JsonPaths {

    private JsonPaths() {}

    /** What is wrong with the field the failure is tied to: a rule of ours if one was broken, never the value. */
    public static String messageOf(JacksonException ex) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof StorableJsonConfiguration.UnstorableValue unstorable) {
                return unstorable.getOriginalMessage();
            }
        }
        return "Has the wrong type or an unknown value.";
    }

    /** The path, or null when the failure is not tied to a field. */
    public static String of(JacksonException ex) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : ex.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? null : path.toString();
    }
}
