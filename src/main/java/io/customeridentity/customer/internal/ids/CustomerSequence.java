package io.customeridentity.customer.internal.ids;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Hands out values of {@code customer_id_seq} from blocks fetched in one round trip, instead of one round trip per
 * registration. Values stay unique across instances (the sequence never repeats one); a block's unused values are
 * lost when the instance stops, which only leaves gaps, and bodies carry no order anyway (FF1).
 *
 * <p>No lock is held while a block is fetched: a caller that finds the queue empty fetches a block itself, on its
 * own connection (its transaction's, if it has one), so that no registration ever waits for a lock whose holder waits
 * for a pooled connection. Two callers that both find it empty both fetch; the surplus waits in the queue.
 */
@Component
public class CustomerSequence {

    static final int BLOCK = 50;

    private final JdbcClient jdbc;
    private final Deque<Long> values = new ArrayDeque<>();

    CustomerSequence(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long next() {
        synchronized (values) {
            if (!values.isEmpty()) {
                return values.removeFirst();
            }
        }
        List<Long> block = jdbc.sql("SELECT nextval('customer_id_seq') FROM generate_series(1, :block)")
                .param("block", BLOCK)
                .query(Long.class)
                .list();
        synchronized (values) {
            values.addAll(block.subList(1, block.size()));
        }
        return block.get(0);
    }
}
