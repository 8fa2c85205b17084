/** HTTP API of the interaction module: recording, batch ingestion, the timeline, summaries, inactive customers. */
package io.customeridentity.interaction.web;
