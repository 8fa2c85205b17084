/** The subject-access export: a streamed JSON document built from the modules' public reads; private. */
package io.customeridentity.privacy.internal.export;
