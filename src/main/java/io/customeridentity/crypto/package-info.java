/**
 * Envelope encryption of personal data and keyed blind indexes for exact-match look-ups; plain Java except
 * {@link io.customeridentity.crypto.CryptoConfiguration}, the one Spring class.
 *
 * <p>Public: {@link io.customeridentity.crypto.MasterKey} (the root secret, from
 * {@code customer-identity.crypto.master-key} / {@code CUSTOMER_IDENTITY_CRYPTO_MASTER_KEY}, base64 of 32 bytes),
 * {@link io.customeridentity.crypto.EnvelopeEncryption} (data keys, wrapping and AES-256-GCM field encryption),
 * {@link io.customeridentity.crypto.DataKey}, {@link io.customeridentity.crypto.BlindIndex},
 * {@link io.customeridentity.crypto.AssociatedData} (the one place that names the context each stored ciphertext is
 * bound to) and {@link io.customeridentity.crypto.CryptoException}.
 *
 * <p>Key hierarchy: the master key never encrypts anything itself. HKDF-SHA256 (salt {@code "customer-identity"})
 * derives one subkey per purpose from it: the key-encryption key (KEK) {@code "customer-identity/kek/v1"} and one
 * HMAC key per blind index, {@code "customer-identity/blind-index/<purpose>"}. Each customer has its own random
 * 256-bit {@link io.customeridentity.crypto.DataKey}, stored only wrapped by the KEK together with its key id and
 * KEK id; destroying that wrapped key makes every ciphertext of the customer unreadable, backups included (erasure).
 *
 * <p>Formats, which are persistent and must not change for a given KEK id: a sealed value is {@code nonce (12 bytes)
 * || AES-256-GCM ciphertext || tag (16 bytes)}. Field ciphertext is authenticated with the caller's context (for
 * example {@code "customer_versions:AC123...:3"}) as associated data, so a value copied to another row or column
 * does not decrypt. A wrapped data key is authenticated with its owner, its key id and the KEK id, so it cannot be
 * swapped between customers or keys.
 *
 * <p>Rotation: {@link io.customeridentity.crypto.EnvelopeEncryption} looks KEKs up by id ({@code "kek-v1"} today).
 * Rotating the master key or KEK means adding {@code "kek-v2"} (a new derivation purpose, or a new master key),
 * making it current for new wraps, re-wrapping every stored data key (unwrap with the old id, wrap with the new,
 * store the new KEK id; the field ciphertext is untouched) and finally dropping {@code "kek-v1"}. Data keys rotate
 * independently: issue a new {@link io.customeridentity.crypto.DataKey} (new id) for a customer and encrypt new
 * values with it; the key id stored beside each ciphertext says which key opens it, and old values are re-encrypted
 * lazily or in a batch before the old data key is destroyed. Random 96-bit GCM nonces are safe far beyond the
 * number of values a single customer's data key will ever encrypt.
 */
package io.customeridentity.crypto;
