package dev.dingus.auth.sessions.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RefreshTokenCodecTest {
    private final RefreshTokenCodec codec = new RefreshTokenCodec();

    @Test
    void tokensAre32RandomBytesInBase64Url() {
        String token = codec.generate();

        assertThat(token).matches("[A-Za-z0-9_-]{43}");
        assertThat(Base64.getUrlDecoder().decode(token)).hasSize(32);
    }

    @Test
    void tokensDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            assertThat(seen.add(codec.generate())).isTrue();
        }
    }

    @Test
    void theStoredFormIsASha256ThatIdentifiesButDoesNotRevealTheToken() {
        String token = codec.generate();

        assertThat(codec.hash(token)).hasSize(32).isEqualTo(codec.hash(token));
        assertThat(codec.hash(token)).isNotEqualTo(codec.hash(codec.generate()));
        assertThat(new String(codec.hash(token), java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain(token);
    }
}
