/**
 * Cross-cutting infrastructure: RFC 9457 problem details, request ids, security, OpenAPI and the development
 * database. Exposes {@link io.customeridentity.shared.DomainException}, the base of every domain error. An open module:
 * every feature module may use all of it (the web helpers in {@code shared.web} too), and it uses none of them.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
package io.customeridentity.shared;

import org.springframework.modulith.ApplicationModule;
