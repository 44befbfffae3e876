package org.safereg.system;

import java.util.Arrays;
import java.util.Collections;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.ClaimAccessor;
import org.springframework.util.StringUtils;

/**
 * Who is calling, as the features need to know it: the token's subject, its roles and, for an
 * enterprise, which enterprise. Controllers may declare a {@code Caller} parameter or build one with
 * {@link #of(Authentication)}.
 */
public final class Caller {

    /** The claim listing the caller's roles, names from {@link Roles}. */
    public static final String ROLES_CLAIM = "roles";

    /** The claim holding an ENTERPRISE caller's 18-character unified social credit code. */
    public static final String ENTERPRISE_ID_CLAIM = "enterprise_id";

    private static final String ROLE_PREFIX = "ROLE_";

    private final String subject;
    private final Set<String> roles;
    private final String enterpriseId;

    private Caller(String subject, Set<String> roles, String enterpriseId) {
        this.subject = subject;
        this.roles = roles;
        this.enterpriseId = enterpriseId;
    }

    /**
     * @throws AuthenticationCredentialsNotFoundException when nobody is authenticated, which the
     *     security rules normally prevent before a controller is reached
     */
    public static Caller of(Authentication authentication) {
        if (authentication == null
                || authentication instanceof AnonymousAuthenticationToken
                || !authentication.isAuthenticated()) {
            throw new AuthenticationCredentialsNotFoundException("This request needs a bearer token.");
        }
        Set<String> roles = new TreeSet<>();
        for (GrantedAuthority authority : authentication.getAuthorities()) {
            String name = authority.getAuthority();
            if (name != null && name.startsWith(ROLE_PREFIX)) {
                roles.add(name.substring(ROLE_PREFIX.length()));
            }
        }
        String enterpriseId = null;
        if (authentication.getPrincipal() instanceof ClaimAccessor claims) {
            enterpriseId = claims.getClaimAsString(ENTERPRISE_ID_CLAIM);
        }
        return new Caller(
                authentication.getName(),
                Collections.unmodifiableSet(roles),
                StringUtils.hasText(enterpriseId) ? enterpriseId.trim() : null);
    }

    public String subject() {
        return subject;
    }

    /** Role names without the {@code ROLE_} prefix, sorted. */
    public Set<String> roles() {
        return roles;
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    public boolean hasAnyRole(String... roles) {
        return Arrays.stream(roles).anyMatch(this::hasRole);
    }

    /** The enterprise an ENTERPRISE token speaks for; empty for every other caller. */
    public Optional<String> enterpriseId() {
        return Optional.ofNullable(enterpriseId);
    }

    /**
     * Whether this caller may see the records of the enterprise with this credit code. An ENTERPRISE
     * caller is held to its own enterprise whatever other roles its token also carries, so that a
     * badly issued token errs on the side of showing less.
     */
    public boolean mayAccessEnterprise(String creditCode) {
        if (!hasRole(Roles.ENTERPRISE)) {
            return true;
        }
        return enterpriseId != null && enterpriseId.equals(creditCode);
    }

    /** @throws AccessDeniedException when {@link #mayAccessEnterprise(String)} says no */
    public void requireAccessToEnterprise(String creditCode) {
        if (mayAccessEnterprise(creditCode)) {
            return;
        }
        if (enterpriseId == null) {
            throw new ForbiddenException(Text.of(
                    "access.no-enterprise",
                    "This ENTERPRISE token names no enterprise (claim '{0}'), so it may not read any enterprise's"
                            + " records.",
                    ENTERPRISE_ID_CLAIM));
        }
        throw new ForbiddenException(Text.of(
                "access.other-enterprise",
                "This token speaks for enterprise {0} and may read only that enterprise's records, not those of {1}.",
                enterpriseId,
                creditCode));
    }

    /** @throws AccessDeniedException when the caller holds none of these roles */
    public void requireAnyRole(String... required) {
        if (!hasAnyRole(required)) {
            throw new ForbiddenException(Text.of(
                    "access.roles",
                    "This needs one of the roles {0}; the token carries {1}.",
                    String.join(", ", required),
                    roles.isEmpty() ? Text.of("access.no-roles", "none") : String.join(", ", roles)));
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Caller that
                && Objects.equals(subject, that.subject)
                && roles.equals(that.roles)
                && Objects.equals(enterpriseId, that.enterpriseId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(subject, roles, enterpriseId);
    }

    @Override
    public String toString() {
        return "Caller[" + subject + " " + roles + (enterpriseId == null ? "" : " enterprise " + enterpriseId) + "]";
    }
}
