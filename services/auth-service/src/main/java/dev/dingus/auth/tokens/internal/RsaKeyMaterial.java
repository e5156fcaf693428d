package dev.dingus.auth.tokens.internal;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;

/** Creating, reading and writing RSA signing keys: generation, PEM from the environment, database encoding. */
public final class RsaKeyMaterial {
    private static final int BITS = 2048;
    private static final String PKCS8_HEADER = "-----BEGIN PRIVATE KEY-----";
    private static final String PKCS1_HEADER = "-----BEGIN RSA PRIVATE KEY-----";
    // AlgorithmIdentifier of rsaEncryption (OID 1.2.840.113549.1.1.1, NULL parameters), to wrap PKCS#1 into PKCS#8.
    private static final byte[] RSA_ALGORITHM_ID = HexFormat.of().parseHex("300d06092a864886f70d0101010500");

    private RsaKeyMaterial() {}

    public static RSAKey generate(String kid) {
        try {
            return new RSAKeyGenerator(BITS).keyID(kid).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot generate an RSA signing key", e);
        }
    }

    /**
     * Reads a private key in PEM: PKCS#8 ({@code BEGIN PRIVATE KEY}, what {@code openssl genpkey} writes) or
     * PKCS#1 ({@code BEGIN RSA PRIVATE KEY}). Literal {@code \n} sequences (env files) count as line breaks.
     */
    public static RSAKey fromPem(String pem, String kid) {
        String text = pem.replace("\\n", "\n").trim();
        boolean pkcs1 = text.contains(PKCS1_HEADER);
        if (!pkcs1 && !text.contains(PKCS8_HEADER)) {
            throw new IllegalArgumentException("The signing key must be an RSA private key in PEM ("
                    + PKCS8_HEADER + " or " + PKCS1_HEADER + ")");
        }
        String body = text.replaceAll("-----(BEGIN|END)[A-Z ]+-----", "").replaceAll("\\s", "");
        byte[] der;
        try {
            der = Base64.getDecoder().decode(body);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The signing key PEM is not valid base64", e);
        }
        return fromPkcs8(pkcs1 ? wrapPkcs1(der) : der, kid);
    }

    /** A key as stored: public part always, private part when this service keeps it. */
    public static RSAKey fromStored(String kid, String publicKey, String privateKey) {
        if (privateKey != null) {
            return fromPkcs8(Base64.getDecoder().decode(privateKey), kid);
        }
        try {
            RSAPublicKey pub = (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(publicKey)));
            return new RSAKey.Builder(pub).keyID(kid).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256).build();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Stored public key " + kid + " is unreadable", e);
        }
    }

    public static String encodePublic(RSAKey key) {
        try {
            return Base64.getEncoder().encodeToString(key.toRSAPublicKey().getEncoded());
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String encodePrivate(RSAKey key) {
        try {
            return Base64.getEncoder().encodeToString(key.toRSAPrivateKey().getEncoded());
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey fromPkcs8(byte[] der, String kid) {
        try {
            KeyFactory factory = KeyFactory.getInstance("RSA");
            if (!(factory.generatePrivate(new PKCS8EncodedKeySpec(der)) instanceof RSAPrivateCrtKey priv)) {
                throw new IllegalArgumentException("The signing key lacks its CRT parameters; export it in full");
            }
            if (priv.getModulus().bitLength() < BITS) {
                throw new IllegalArgumentException("The signing key must have at least " + BITS + " bits");
            }
            RSAPublicKey pub = (RSAPublicKey) factory.generatePublic(new RSAPublicKeySpec(priv.getModulus(), priv.getPublicExponent()));
            return new RSAKey.Builder(pub).privateKey(priv).keyID(kid).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256).build();
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("The signing key is not a readable RSA private key", e);
        }
    }

    /** PKCS#8 = SEQUENCE { INTEGER 0, AlgorithmIdentifier rsaEncryption, OCTET STRING { PKCS#1 key } }. */
    static byte[] wrapPkcs1(byte[] pkcs1) {
        ByteArrayOutputStream inner = new ByteArrayOutputStream();
        inner.writeBytes(new byte[] {0x02, 0x01, 0x00});
        inner.writeBytes(RSA_ALGORITHM_ID);
        inner.write(0x04);
        inner.writeBytes(derLength(pkcs1.length));
        inner.writeBytes(pkcs1);
        ByteArrayOutputStream outer = new ByteArrayOutputStream();
        outer.write(0x30);
        outer.writeBytes(derLength(inner.size()));
        outer.writeBytes(inner.toByteArray());
        return outer.toByteArray();
    }

    private static byte[] derLength(int length) {
        if (length < 0x80) {
            return new byte[] {(byte) length};
        }
        if (length <= 0xFF) {
            return new byte[] {(byte) 0x81, (byte) length};
        }
        if (length <= 0xFFFF) {
            return new byte[] {(byte) 0x82, (byte) (length >> 8), (byte) length};
        }
        return new byte[] {(byte) 0x83, (byte) (length >> 16), (byte) (length >> 8), (byte) length};
    }
}
