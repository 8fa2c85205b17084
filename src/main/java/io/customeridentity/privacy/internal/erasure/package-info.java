/** Erasure of a person by crypto-shredding, through the customer module's {@code CustomerErasures}; private. */
package io.customeridentity.privacy.internal.erasure;
