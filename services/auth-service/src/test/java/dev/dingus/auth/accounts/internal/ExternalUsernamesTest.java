package dev.dingus.auth.accounts.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExternalUsernamesTest {

    @Test
    void theBaseIsAValidUsernameWhateverTheProviderSays() {
        assertThat(ExternalUsernames.base("ada", null)).isEqualTo("ada");
        assertThat(ExternalUsernames.base("ada@corp.example", "x@y.z")).isEqualTo("ada");
        assertThat(ExternalUsernames.base(null, "Zoë+x1@example.com")).isEqualTo("Zox1");
        assertThat(ExternalUsernames.base("Ada  Lovelace", null)).isEqualTo("Ada_Lovelace");
        assertThat(ExternalUsernames.base("ç", null)).isEqualTo("user");
        assertThat(ExternalUsernames.base("jo", null)).isEqualTo("jo_user");
        assertThat(ExternalUsernames.base(null, null)).isEqualTo("user");
        assertThat(ExternalUsernames.base("a".repeat(40), null)).hasSize(32);
    }

    @Test
    void candidatesAfterTheFirstCarryASuffixAndStayWithin32Characters() {
        String base = "b".repeat(32);
        assertThat(ExternalUsernames.candidate(base, 0)).isEqualTo(base);
        for (int attempt = 1; attempt < 10; attempt++) {
            assertThat(ExternalUsernames.candidate(base, attempt)).hasSizeLessThanOrEqualTo(32)
                    .matches("b+-[0-9]{4,8}");
        }
        assertThat(ExternalUsernames.candidate("ada", 1)).matches("ada-[0-9]{4}");
    }
}
