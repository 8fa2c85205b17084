/**
 * Contact look-ups through blind indexes, and duplicate detection (CustomerMatching): the match keys of a profile
 * (MatchKeys), blocking on them with a cap (MatchCandidates), comparison levels (FieldComparisons) and
 * Fellegi-Sunter scoring with the shipped weights (MatchScoring, MatchWeights), put together by DuplicateFinder.
 */
package io.customeridentity.customer.internal.matching;
