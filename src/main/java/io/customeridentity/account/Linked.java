package io.customeridentity.account;

/** Outcome of linking: the link, and whether this call created it (false: it was already linked). */
public record Linked(AccountLink link, boolean created) {}
