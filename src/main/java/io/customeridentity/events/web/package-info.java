/** HTTP API of the change feed: {@code GET /api/v1/events}. */
package io.customeridentity.events.web;
