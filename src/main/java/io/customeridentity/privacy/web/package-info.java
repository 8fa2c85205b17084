/** HTTP API of the privacy module: erasure of a person. */
package io.customeridentity.privacy.web;
