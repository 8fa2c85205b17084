package io.customeridentity.shared;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The array parameters of a set-based statement over {@code unnest(CAST(:name AS type[]), ...)}: one array a column,
 * filled from one object a row, so that no caller keeps parallel arrays in step by hand. Values go as text, which
 * PostgreSQL casts to the column's type (numbers in plain notation, enums by name), byte arrays as {@code bytea[]}.
 */
public final class UnnestParameters<T> {

    private final List<T> rows;
    private final Map<String, Object> parameters = new LinkedHashMap<>();

    private UnnestParameters(List<T> rows) {
        this.rows = rows;
    }

    public static <T> UnnestParameters<T> of(List<T> rows) {
        return new UnnestParameters<>(rows);
    }

    /** A column given as text: null stays null. */
    public UnnestParameters<T> text(String name, Function<? super T, ?> column) {
        String[] values = new String[rows.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = text(column.apply(rows.get(i)));
        }
        parameters.put(name, values);
        return this;
    }

    /** A {@code bytea} column. */
    public UnnestParameters<T> bytes(String name, Function<? super T, byte[]> column) {
        byte[][] values = new byte[rows.size()][];
        for (int i = 0; i < values.length; i++) {
            values[i] = column.apply(rows.get(i));
        }
        parameters.put(name, values);
        return this;
    }

    /** The parameters by name, for {@code JdbcClient.StatementSpec.params(Map)}. */
    public Map<String, Object> toMap() {
        return parameters;
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (value instanceof Enum<?> constant) {
            return constant.name();
        }
        return value.toString();
    }
}
