package io.customeridentity.shared.ratelimit;

import io.customeridentity.shared.security.Caller;
import java.time.Instant;

/**
 * A request refused with 429 because its caller was over a budget; nothing of it ran. Published as an application
 * event, for the audit trail: who ({@code caller}, from {@code clientIp}), which request ({@code requestId},
 * {@code method}, {@code path} without its query string), over which budget, when.
 */
public record RequestRateLimited(
        Caller caller, String clientIp, String requestId, String method, String path, Budget budget, Instant at) {}
