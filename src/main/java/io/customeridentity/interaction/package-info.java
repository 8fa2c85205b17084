/**
 * The interaction timeline: append-only facts about every touch-point with a customer (purchases, support
 * contacts, complaints, feedback...), recorded one by one or in batches, paged newest first and summarised.
 * Other modules use {@link io.customeridentity.interaction.InteractionManagement} and the records next to it.
 */
package io.customeridentity.interaction;
