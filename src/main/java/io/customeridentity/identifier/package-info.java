/**
 * The customer-ID scheme: canonical and display forms, lenient parsing, the Damm check digit, the FF1 permutation
 * that turns sequence values into unguessable bodies, and the prefix policy that issues IDs; plain Java, no Spring.
 *
 * <p>Public: {@link io.customeridentity.identifier.CustomerId} (the value object every other module uses instead of
 * raw strings), {@link io.customeridentity.identifier.CustomerIdScheme} (issuing and policy-aware parsing),
 * {@link io.customeridentity.identifier.InvalidCustomerIdException} and the building blocks
 * {@link io.customeridentity.identifier.DammCheckDigit}, {@link io.customeridentity.identifier.Ff1} and
 * {@link io.customeridentity.identifier.BodyPermutation}.
 */
package io.customeridentity.identifier;
