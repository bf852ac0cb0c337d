package io.citybrain.platform.auth;

import java.time.Instant;
import java.util.Optional;

/**
 * A stored API token (never its secret).
 *
 * @param name the token's unique name, which becomes the audit actor {@code token:<name>}
 * @param principal who it was issued to (its roles are the principal's grants)
 * @param createdAt when it was created
 * @param revokedAt when it was revoked, if it was
 */
public record ApiToken(String name, String principal, Instant createdAt, Optional<Instant> revokedAt) {}
