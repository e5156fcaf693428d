package dev.dingus.auth.tokens.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.RSAKey;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class RsaKeyMaterialTest {
    private final RSAKey key = RsaKeyMaterial.generate("k1");

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    @Test
    void aGeneratedKeyIsAnRsa2048SigningKey() throws Exception {
        assertThat(key.getKeyID()).isEqualTo("k1");
        assertThat(key.isPrivate()).isTrue();
        assertThat(key.toRSAPublicKey().getModulus().bitLength()).isEqualTo(2048);
        assertThat(key.getAlgorithm().getName()).isEqualTo("RS256");
    }

    @Test
    void pkcs8PemIsRead() throws Exception {
        RSAKey read = RsaKeyMaterial.fromPem(pem("PRIVATE KEY", key.toRSAPrivateKey().getEncoded()), "prod");

        assertThat(read.getKeyID()).isEqualTo("prod");
        assertThat(read.toRSAPublicKey()).isEqualTo(key.toRSAPublicKey());
        assertThat(read.toRSAPrivateKey()).isEqualTo(key.toRSAPrivateKey());
    }

    @Test
    void pkcs1PemIsReadToo() throws Exception {
        byte[] pkcs8 = key.toRSAPrivateKey().getEncoded();
        byte[] pkcs1 = Arrays.copyOfRange(pkcs8, 26, pkcs8.length); // after the PKCS#8 header of a 2048-bit key
        assertThat(RsaKeyMaterial.wrapPkcs1(pkcs1)).isEqualTo(pkcs8);

        RSAKey read = RsaKeyMaterial.fromPem(pem("RSA PRIVATE KEY", pkcs1), "prod");
        assertThat(read.toRSAPublicKey()).isEqualTo(key.toRSAPublicKey());
    }

    @Test
    void escapedLineBreaksFromEnvFilesAreAccepted() throws Exception {
        String oneLine = pem("PRIVATE KEY", key.toRSAPrivateKey().getEncoded()).replace("\n", "\\n");

        assertThat(RsaKeyMaterial.fromPem(oneLine, "prod").toRSAPublicKey()).isEqualTo(key.toRSAPublicKey());
    }

    @Test
    void whatIsNotAnRsaPrivateKeyIsRefusedClearly() throws Exception {
        assertThatThrownBy(() -> RsaKeyMaterial.fromPem("hello", "k")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PEM");
        assertThatThrownBy(() -> RsaKeyMaterial.fromPem(pem("PUBLIC KEY", key.toRSAPublicKey().getEncoded()), "k"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RsaKeyMaterial.fromPem("-----BEGIN PRIVATE KEY-----\n!!!\n-----END PRIVATE KEY-----", "k"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void storedKeysRoundTrip() throws Exception {
        RSAKey full = RsaKeyMaterial.fromStored("k1", RsaKeyMaterial.encodePublic(key), RsaKeyMaterial.encodePrivate(key));
        RSAKey publicOnly = RsaKeyMaterial.fromStored("k1", RsaKeyMaterial.encodePublic(key), null);

        assertThat(full.toRSAPrivateKey()).isEqualTo(key.toRSAPrivateKey());
        assertThat(publicOnly.isPrivate()).isFalse();
        assertThat(publicOnly.toRSAPublicKey()).isEqualTo(key.toRSAPublicKey());
    }
}
