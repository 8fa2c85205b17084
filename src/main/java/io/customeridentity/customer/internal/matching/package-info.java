/** Blind indexes of current contact details, and the look-ups and duplicate candidates found through them (CustomerMatching). */
package io.customeridentity.customer.internal.matching;
