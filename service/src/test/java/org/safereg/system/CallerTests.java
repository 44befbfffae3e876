package org.safereg.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.jwt.Jwt;

class CallerTests {

    static final String OWN = "91330100MA2AAAAA1X";
    static final String OTHER = "91330100MA2BBBBB2Y";

    @Test
    void readsSubjectRolesAndEnterpriseFromTheToken() {
        Caller caller = caller("e1", List.of("ENTERPRISE"), OWN);

        assertThat(caller.subject()).isEqualTo("e1");
        assertThat(caller.roles()).containsExactly(Roles.ENTERPRISE);
        assertThat(caller.hasRole(Roles.ENTERPRISE)).isTrue();
        assertThat(caller.hasRole(Roles.POLICY_ADMIN)).isFalse();
        assertThat(caller.enterpriseId()).contains(OWN);
    }

    @Test
    void aCallerWithoutEnterpriseClaimHasNoEnterprise() {
        assertThat(caller("alice", List.of("REGULATOR"), null).enterpriseId()).isEmpty();
    }

    @Test
    void anEnterpriseReadsItsOwnRecords() {
        Caller enterprise = caller("e1", List.of("ENTERPRISE"), OWN);

        assertThatNoException().isThrownBy(() -> enterprise.requireAccessToEnterprise(OWN));
    }

    @Test
    void anEnterpriseIsRefusedAnotherEnterprisesRecords() {
        assertThatThrownBy(() -> caller("e1", List.of("ENTERPRISE"), OWN).requireAccessToEnterprise(OTHER))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining(OWN)
                .hasMessageContaining(OTHER);
    }

    @Test
    void anEnterpriseTokenWithoutEnterpriseIdReadsNothing() {
        assertThatThrownBy(() -> caller("e1", List.of("ENTERPRISE"), null).requireAccessToEnterprise(OWN))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("enterprise_id");
    }

    @Test
    void anEnterpriseRoleScopesTheTokenEvenBesideOtherRoles() {
        Caller caller = caller("odd", List.of("ENTERPRISE", "REGULATOR"), OWN);

        assertThat(caller.mayAccessEnterprise(OWN)).isTrue();
        assertThat(caller.mayAccessEnterprise(OTHER)).isFalse();
    }

    @Test
    void otherRolesReadAnyEnterprise() {
        for (String role : List.of("POLICY_ADMIN", "POLICY_VIEWER", "DISPATCH", "INSPECTOR", "REGULATOR")) {
            Caller staff = caller("staff", List.of(role), null);

            assertThatNoException().isThrownBy(() -> staff.requireAccessToEnterprise(OTHER));
        }
    }

    @Test
    void requireAnyRoleNamesWhatWasMissing() {
        assertThatThrownBy(() -> caller("gw", List.of("SENSOR_GATEWAY"), null)
                        .requireAnyRole(Roles.POLICY_ADMIN, Roles.REGULATOR))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("POLICY_ADMIN, REGULATOR")
                .hasMessageContaining("SENSOR_GATEWAY");
    }

    @Test
    void nobodyIsNotACaller() {
        var anonymous = new AnonymousAuthenticationToken(
                "key", "anonymousUser", AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));

        assertThatThrownBy(() -> Caller.of(null)).isInstanceOf(AuthenticationCredentialsNotFoundException.class);
        assertThatThrownBy(() -> Caller.of(anonymous)).isInstanceOf(AuthenticationCredentialsNotFoundException.class);
    }

    static Caller caller(String subject, List<String> roles, String enterpriseId) {
        Jwt.Builder jwt = Jwt.withTokenValue("token")
                .header("alg", "RS256")
                .subject(subject)
                .issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(60))
                .claim(Caller.ROLES_CLAIM, roles);
        if (enterpriseId != null) {
            jwt.claim(Caller.ENTERPRISE_ID_CLAIM, enterpriseId);
        }
        Jwt token = jwt.build();
        return Caller.of(SecurityConfiguration.rolesFromClaim().convert(token));
    }
}
