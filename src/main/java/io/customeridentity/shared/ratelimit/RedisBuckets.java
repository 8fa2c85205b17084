package io.customeridentity.shared.ratelimit;

import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import java.time.Duration;

/**
 * Buckets kept in Redis (Bucket4j's compare-and-swap proxies over Lettuce), shared by every instance that names the
 * same server and key prefix. A key lives until its bucket would be full again, plus a minute.
 */
final class RedisBuckets implements AutoCloseable {

    private final RedisClient client;
    private final StatefulRedisConnection<String, byte[]> connection;
    private final Buckets buckets;

    RedisBuckets(RateLimitProperties properties) {
        RedisURI uri = RedisURI.create(properties.redisUrl());
        uri.setTimeout(properties.redisTimeout());
        client = RedisClient.create(uri);
        // A command while disconnected fails at once (and the limiter uses its own buckets) instead of queueing.
        client.setOptions(ClientOptions.builder()
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(properties.redisTimeout()))
                .build());
        connection = client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
        ProxyManager<String> proxies = Bucket4jLettuce.casBasedBuilder(connection)
                .requestTimeout(properties.redisTimeout())
                .expirationAfterWrite(
                        ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)))
                .build();
        String prefix = properties.redisKeyPrefix();
        buckets = new Buckets(
                properties,
                (budget, callerKey, configuration) ->
                        proxies.builder().build(prefix + budget.policy() + ":" + callerKey, () -> configuration));
    }

    Buckets buckets() {
        return buckets;
    }

    @Override
    public void close() {
        connection.close();
        client.shutdown();
    }
}
