package io.customeridentity.interaction.internal;

import java.io.StringReader;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.HexFormat;
import java.util.List;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The fast path of a batch's insert: PostgreSQL's {@code COPY} of every row straight into {@code interactions},
 * inside a savepoint of the batch's transaction. {@code COPY} has no {@code ON CONFLICT}: when a row's producer key
 * {@code (source, external_id)} is already stored (a producer's retry) the whole copy fails with a unique violation,
 * the savepoint is rolled back, and {@link InteractionStore} inserts the batch the slow way, which skips duplicates
 * row by row. A batch of new interactions, the common case, is one {@code COPY}.
 */
@Component
class InteractionCopy {

    private static final String UNIQUE_VIOLATION = "23505";
    private static final HexFormat HEX = HexFormat.of();
    private static final String COPY = "COPY interactions (" + InteractionStore.COLUMNS + ") FROM STDIN";

    private final JdbcTemplate jdbc;

    InteractionCopy(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Copies every row, or none when one of them is already stored; whether they were copied. */
    boolean copyAllNew(List<InteractionRow> rows) {
        String text = text(rows);
        Boolean copied = jdbc.execute((ConnectionCallback<Boolean>) connection -> copy(connection, text));
        return Boolean.TRUE.equals(copied);
    }

    private static boolean copy(Connection connection, String text) throws SQLException {
        Savepoint savepoint = connection.setSavepoint();
        try {
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY, new StringReader(text));
        } catch (SQLException ex) {
            if (!UNIQUE_VIOLATION.equals(ex.getSQLState())) {
                throw ex;
            }
            connection.rollback(savepoint);
            return false;
        } catch (java.io.IOException ex) {
            throw new SQLException("COPY of interactions failed", "08006", ex);
        }
        connection.releaseSavepoint(savepoint);
        return true;
    }

    /** The rows in COPY's text format: tab-separated, {@code \N} for null, backslash escapes, bytea in hex. */
    static String text(List<InteractionRow> rows) {
        StringBuilder out = new StringBuilder(rows.size() * 160);
        for (InteractionRow row : rows) {
            out.append(row.id()).append('\t');
            field(out, row.customerId());
            out.append(row.type().name()).append('\t');
            out.append(row.channel().name()).append('\t');
            out.append(row.occurredAt()).append('\t');
            out.append(row.recordedAt()).append('\t');
            field(out, row.source());
            field(out, row.externalId());
            BigDecimal amount = row.amountValue();
            field(out, amount == null ? null : amount.toPlainString());
            field(out, row.amountCurrency());
            field(out, row.rating() == null ? null : row.rating().toString());
            field(out, row.dataKeyId() == null ? null : row.dataKeyId().toString());
            byte[] details = row.detailsCiphertext();
            if (details == null) {
                out.append("\\N");
            } else {
                out.append("\\\\x").append(HEX.formatHex(details));
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static void field(StringBuilder out, String value) {
        if (value == null) {
            out.append("\\N\t");
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
        out.append('\t');
    }
}
