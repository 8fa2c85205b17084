package io.customeridentity.interaction;

/** Outcome of recording one interaction: the stored one, and whether this call created it. */
public record Recorded(Interaction interaction, boolean created) {}
