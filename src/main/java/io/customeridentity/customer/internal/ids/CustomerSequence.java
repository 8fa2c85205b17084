package io.customeridentity.customer.internal.ids;

import java.util.ArrayDeque;
import java.util.Deque;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Hands out values of {@code customer_id_seq} from blocks fetched in one round trip, instead of one round trip per
 * registration. Values stay unique across instances (the sequence never repeats one); a block's unused values are
 * lost when the instance stops, which only leaves gaps, and bodies carry no order anyway (FF1).
 */
@Component
public class CustomerSequence {

    static final int BLOCK = 50;

    private final JdbcClient jdbc;
    private final Deque<Long> values = new ArrayDeque<>();

    CustomerSequence(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public synchronized long next() {
        if (values.isEmpty()) {
            values.addAll(jdbc.sql("SELECT nextval('customer_id_seq') FROM generate_series(1, :block)")
                    .param("block", BLOCK)
                    .query(Long.class)
                    .list());
        }
        return values.removeFirst();
    }
}
