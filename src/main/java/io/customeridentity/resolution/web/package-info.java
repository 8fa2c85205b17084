/** HTTP API of the resolution module: external IDs, resolve, duplicates. */
package io.customeridentity.resolution.web;
