package io.customeridentity.interaction;

import java.util.List;

/** Published inside the recording transaction with the interactions it newly stored (replays are left out). */
public record InteractionsRecorded(List<InteractionRecorded> interactions) {}
