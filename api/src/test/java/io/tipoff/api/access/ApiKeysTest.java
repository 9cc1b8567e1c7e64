package io.tipoff.api.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tipoff.api.config.ApiProperties;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApiKeysTest {

    private static ApiKeys keys(String... entries) {
        return new ApiKeys(new ApiProperties.Security(List.of(entries), false, List.of()));
    }

    @Test
    void findsTheNameOfAKeyGivenInTheClearOrAsItsHash() {
        String hash = HexFormat.of().formatHex(ApiKeys.sha256("second-key-with-24-chars"));
        ApiKeys keys = keys("ci:first-key-0123456789", " ops:sha256:" + hash.toUpperCase() + " ");

        assertThat(keys.open()).isFalse();
        assertThat(keys.identify("first-key-0123456789")).hasValue("ci");
        assertThat(keys.identify("second-key-with-24-chars")).hasValue("ops");
        assertThat(keys.identify("first-key-012345678")).isEmpty();
        assertThat(keys.identify(hash)).isEmpty();
        assertThat(keys.identify("")).isEmpty();
    }

    @Test
    void noKeysIsAnOpenApi() {
        assertThat(keys().open()).isTrue();
    }

    @Test
    void refusesAConfigurationItCannotTrustWithoutEverShowingTheKey() {
        String secret = "short-secret";
        assertThatThrownBy(() -> keys("ci:" + secret))
                .hasMessage("tipoff.security.api-keys[0] (ci): the key must be at least 16 characters")
                .message().doesNotContain(secret);
        assertThatThrownBy(() -> keys("a-key-without-a-name-0123456789"))
                .hasMessageStartingWith("tipoff.security.api-keys[0] must be name:key or name:sha256:HEX")
                .message().doesNotContain("0123456789");
        assertThatThrownBy(() -> keys("ci:sha256:abc")).hasMessage(
                "tipoff.security.api-keys[0] (ci): sha256: must be followed by 64 hex digits");
        assertThatThrownBy(() -> keys("ci:first-key-0123456789", "ci:other-key-0123456789"))
                .hasMessage("tipoff.security.api-keys[1]: the name ci is given twice");
        assertThatThrownBy(() -> keys("ci:first-key-0123456789", "ops:first-key-0123456789"))
                .hasMessage("tipoff.security.api-keys[1] (ops): the same key as ci")
                .message().doesNotContain("first-key");
        assertThatThrownBy(() -> keys("c i:first-key-0123456789")).hasMessageContaining("the name 1 to 64 letters");
    }

    @Test
    void theSettingsNeverPrintTheKeys() {
        assertThat(new ApiProperties.Security(List.of("ci:first-key-0123456789"), true, List.of()).toString())
                .isEqualTo("Security[apiKeys=1 configured, adminKeys=0 configured, protectReads=true]");
    }

    @Test
    void anAdminKeyIsConfiguredLikeAnyOtherAndKnownByItsName() {
        ApiKeys keys = new ApiKeys(new ApiProperties.Security(List.of("ci:first-key-0123456789"), true,
                List.of("ops:admin-key-0123456789")));
        assertThat(keys.identify("admin-key-0123456789")).hasValue("ops");
        assertThat(keys.admin("ops")).isTrue();
        assertThat(keys.admin("ci")).isFalse();
        assertThat(keys.open()).isFalse();
        assertThatThrownBy(() -> new ApiKeys(new ApiProperties.Security(List.of("ci:first-key-0123456789"), false,
                List.of("ci:admin-key-0123456789"))))
                .hasMessage("tipoff.security.admin-keys[0]: the name ci is given twice");
    }
}
