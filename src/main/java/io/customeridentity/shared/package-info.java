/**
 * Cross-cutting infrastructure: RFC 9457 problem details, request ids, security, OpenAPI and the development
 * database. Exposes {@link io.customeridentity.shared.DomainException}, the base of every domain error.
 */
package io.customeridentity.shared;
