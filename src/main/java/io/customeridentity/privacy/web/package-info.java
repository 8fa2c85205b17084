/** HTTP API of the privacy module: erasure, the subject-access export, the audit queries and the read-audit hook. */
package io.customeridentity.privacy.web;
