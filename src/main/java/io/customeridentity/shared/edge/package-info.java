/**
 * The edge of the service, before a request reaches Spring MVC: request-body size and transfer-rate limits, query
 * strings that cannot be decoded, connections whose body is not worth reading, and Tomcat's own error answers, all
 * ending in problem details.
 */
package io.customeridentity.shared.edge;
